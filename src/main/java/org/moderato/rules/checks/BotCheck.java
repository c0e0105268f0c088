package org.moderato.rules.checks;

import java.time.Duration;
import java.util.Optional;
import org.moderato.rules.FormToken;
import org.moderato.rules.Refusal;
import org.moderato.rules.RefusalCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/**
 * Bots without a captcha: the hidden honeypot field must stay empty, and the signed form token must
 * be this article's, old enough to have been read by a person, and not too old. That it is used only
 * once is not decided here but by the database, when the service stores the token's nonce (the same
 * neutral refusal). The reader sees a neutral message; the reason goes to the moderators when bots are
 * filed as spam.
 */
public class BotCheck implements RefusalCheck {

    public static final String MESSAGE = "Sorry, your comment could not be posted. Please wait a moment and send it again.";

    private final FormToken tokens;

    public BotCheck(FormToken tokens) {
        this.tokens = tokens;
    }

    @Override
    public Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        Optional<String> problem = submission.honeypot() != null && !submission.honeypot().isBlank()
                ? Optional.of("hidden honeypot field was filled in")
                : tokens.problem(submission.formToken(), submission.articleId(), facts.now(),
                        Duration.ofSeconds(rules.formMinSeconds()), Duration.ofHours(rules.formMaxHours()));
        return problem.map(why -> new Refusal(MESSAGE, 403, why, true));
    }
}
