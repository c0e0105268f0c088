package org.moderato.rules;

import java.time.Instant;
import java.util.Optional;

/**
 * What the database knows about a submission, gathered once by the service before the checks run,
 * so that every check stays plain Java and is tested without a database. Nothing here that a refusal
 * depends on is looked up by the author's address: a reader's answer must not tell whether an address
 * has written before. {@code returningCommenter}: the browser sent a {@link ReturningCommenter} token
 * for this address naming one of its approved comments.
 */
public record SubmissionFacts(
        Instant now,
        boolean articleOpen,
        Instant articlePublishedAt,
        Optional<Parent> parent,
        boolean duplicate,
        Optional<Instant> lastCommentFromSameIp,
        long approvedCommentsByAuthor,
        boolean authorAlwaysHeld,
        boolean returningCommenter) {

    /** The comment being replied to. Depth 1 is a top-level comment. */
    public record Parent(long articleId, boolean approved, int depth) {}
}
