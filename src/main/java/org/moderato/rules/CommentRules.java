package org.moderato.rules;

import jakarta.enterprise.context.ApplicationScoped;
import org.moderato.comment.CommentDraft;

/**
 * Decides approve / hold / spam for a submission that passed the field checks. Until site rules are
 * configurable, the site default applies: every comment waits for a moderator.
 */
@ApplicationScoped
public class CommentRules {

    public Verdict decide(CommentDraft draft) {
        return Verdict.hold("every new comment waits for a moderator (site default)");
    }
}
