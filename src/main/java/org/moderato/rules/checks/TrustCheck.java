package org.moderato.rules.checks;

import java.util.List;
import org.moderato.rules.Decision;
import org.moderato.rules.Finding;
import org.moderato.rules.ModerationCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/**
 * "Comment author must have a previously approved comment" (by email, through its blind index),
 * with N approved comments instead of 1 if the admin wants, and authors marked "always hold".
 * Knowing a regular's address is not enough: the reader's browser must also present the
 * returning-commenter token it got with one of that address's approved comments. With mail on, an
 * address's approved comments count only once the address is confirmed by email (the facts say 0
 * before). When trust is off, the site default decides.
 */
public class TrustCheck implements ModerationCheck {

    @Override
    public List<Finding> assess(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        if (facts.authorAlwaysHeld()) {
            return List.of(Finding.hold("author is marked 'always hold'"));
        }
        if (!rules.trustApprovedAuthors()) {
            return List.of(rules.defaultDecision() == Decision.APPROVE
                    ? Finding.approve("site default")
                    : Finding.hold("site default is to hold comments"));
        }
        if (submission.email() == null || submission.email().isBlank()) {
            return List.of(Finding.hold("no email address, so the author cannot be recognised"));
        }
        long approved = facts.approvedCommentsByAuthor();
        int needed = rules.trustAfterApproved();
        if (approved > 0 && !facts.returningCommenter()) {
            return List.of(Finding.hold("author not recognised in this browser (no returning-commenter token from an approved comment)"));
        }
        if (approved >= needed) {
            return List.of(Finding.approve("author has " + approved + " approved " + (approved == 1 ? "comment" : "comments")));
        }
        if (approved == 0) {
            return List.of(Finding.hold("first comment from this author" + (needed > 1 ? " (" + needed + " approved needed)" : "")));
        }
        return List.of(Finding.hold("author has " + approved + " approved " + (approved == 1 ? "comment" : "comments")
                + ", " + needed + " needed"));
    }
}
