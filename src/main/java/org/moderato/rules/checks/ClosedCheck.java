package org.moderato.rules.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.moderato.rules.Refusal;
import org.moderato.rules.RefusalCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/** Comments closed on the article, or closed automatically on articles older than N days. */
public class ClosedCheck implements RefusalCheck {

    public static final String MESSAGE = "Comments are closed.";

    @Override
    public Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        if (!facts.articleOpen()) {
            return Optional.of(Refusal.of(MESSAGE, 403));
        }
        if (closedByAge(facts.articlePublishedAt(), facts.now(), rules)) {
            return Optional.of(new Refusal(MESSAGE, 403, "closed: article older than " + rules.closeAfterDays() + " days", false));
        }
        return Optional.empty();
    }

    /** "Automatically close comments on articles older than N days"; the article page asks the same. */
    public static boolean closedByAge(Instant publishedAt, Instant now, RuleSettings rules) {
        return rules.closeOldArticles() && publishedAt.plus(Duration.ofDays(rules.closeAfterDays())).isBefore(now);
    }
}
