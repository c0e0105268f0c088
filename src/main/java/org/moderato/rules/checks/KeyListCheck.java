package org.moderato.rules.checks;

import java.util.ArrayList;
import java.util.List;
import org.moderato.rules.Finding;
import org.moderato.rules.ModerationCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/**
 * Disallowed keys send a comment to spam (WordPress trashes it; we keep it reviewable), moderation
 * keys hold it. Both lists match name, email, website, text, IP and user agent.
 */
public class KeyListCheck implements ModerationCheck {

    @Override
    public List<Finding> assess(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        List<Finding> findings = new ArrayList<>(2);
        rules.disallowedList().firstMatch(submission).ifPresent(m -> findings.add(Finding.spam(m.describe("disallowed"))));
        rules.moderationList().firstMatch(submission).ifPresent(m -> findings.add(Finding.hold(m.describe("moderation"))));
        return findings;
    }
}
