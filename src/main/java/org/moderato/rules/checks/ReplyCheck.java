package org.moderato.rules.checks;

import java.util.Optional;
import org.moderato.rules.Refusal;
import org.moderato.rules.RefusalCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/** A reply goes to an approved comment of the same article, and no deeper than the thread depth. */
public class ReplyCheck implements RefusalCheck {

    @Override
    public Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        if (submission.parentId() == null) {
            return Optional.empty();
        }
        var parent = facts.parent();
        if (parent.isEmpty() || parent.get().articleId() != submission.articleId() || !parent.get().approved()) {
            return Optional.of(Refusal.of("You can only reply to a published comment on this article.", 400));
        }
        if (parent.get().depth() >= rules.threadDepth()) {
            return Optional.of(Refusal.of("This thread is nested as deeply as this site allows ("
                    + rules.threadDepth() + " levels); please reply further up.", 400));
        }
        return Optional.empty();
    }
}
