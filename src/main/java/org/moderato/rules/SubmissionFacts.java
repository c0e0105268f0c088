package org.moderato.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What the database knows about a submission, gathered once by the service before the checks run,
 * so that every check stays plain Java and is tested without a database.
 */
public record SubmissionFacts(
        Instant now,
        boolean articleOpen,
        Instant articlePublishedAt,
        Optional<Parent> parent,
        boolean duplicate,
        Optional<Instant> lastCommentFromSameSource,
        long approvedCommentsByAuthor,
        boolean authorAlwaysHeld,
        boolean formTokenAlreadyUsed) {

    /** The comment being replied to. Depth 1 is a top-level comment. */
    public record Parent(long articleId, boolean approved, int depth) {}
}
