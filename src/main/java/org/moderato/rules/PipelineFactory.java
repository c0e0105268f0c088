package org.moderato.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.moderato.platform.SiteSecret;
import org.moderato.spamfilter.SpamModels;

/**
 * Builds the pipeline once (plain singletons: immutable, nothing to proxy), with the form-token and
 * returning-commenter keys derived from the site secret and the spam filter's model: read on every
 * use, so a key rotation or a moderator's lesson applies at once.
 */
@ApplicationScoped
public class PipelineFactory {

    @Inject
    SiteSecret siteSecret;

    @Inject
    SpamModels spamModels;

    @Produces
    @Singleton
    FormToken formToken() {
        return new FormToken(() -> siteSecret.keysFor("form-token"));
    }

    @Produces
    @Singleton
    ReturningCommenter returningCommenter() {
        return new ReturningCommenter(() -> siteSecret.keysFor("returning-commenter"));
    }

    @Produces
    @Singleton
    CommentPipeline pipeline(FormToken formToken) {
        return new CommentPipeline(formToken, spamModels::current);
    }
}
