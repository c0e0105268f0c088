package org.moderato.rules.checks;

import java.util.List;
import org.moderato.rules.Finding;
import org.moderato.rules.ModerationCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/** "Comment must be manually approved": every comment waits for a moderator. */
public class ManualApprovalCheck implements ModerationCheck {

    @Override
    public List<Finding> assess(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        return rules.manualApproval() ? List.of(Finding.hold("every comment is approved by hand (site setting)")) : List.of();
    }
}
