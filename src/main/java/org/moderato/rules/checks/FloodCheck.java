package org.moderato.rules.checks;

import java.time.Duration;
import java.util.Optional;
import org.moderato.rules.Refusal;
import org.moderato.rules.RefusalCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/**
 * Another comment from the same IP address within N seconds. Moderators are exempt. Not by email: a
 * 429 for an address would tell anyone that this address has just posted.
 */
public class FloodCheck implements RefusalCheck {

    public static final String MESSAGE = "You are posting comments too quickly. Slow down.";

    @Override
    public Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        if (submission.staff() || rules.floodSeconds() == 0 || facts.lastCommentFromSameIp().isEmpty()) {
            return Optional.empty();
        }
        Duration since = Duration.between(facts.lastCommentFromSameIp().get(), facts.now());
        return since.compareTo(Duration.ofSeconds(rules.floodSeconds())) < 0
                ? Optional.of(Refusal.of(MESSAGE, 429))
                : Optional.empty();
    }
}
