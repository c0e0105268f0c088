package org.moderato.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.moderato.platform.SiteSecret;

/**
 * Builds the pipeline once (plain singletons: immutable, nothing to proxy), with the form-token and
 * returning-commenter keys derived from the site secret: read on every use, so a key rotation applies at once.
 */
@ApplicationScoped
public class PipelineFactory {

    @Inject
    SiteSecret siteSecret;

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
        return new CommentPipeline(formToken);
    }
}
