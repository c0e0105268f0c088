package org.moderato.rules.checks;

import java.util.Optional;
import org.moderato.rules.Refusal;
import org.moderato.rules.RefusalCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/** Name and email are required unless the admin made them optional. The comment is always required. */
public class RequiredFieldsCheck implements RefusalCheck {

    public static final String MESSAGE = "Please fill the required fields.";

    @Override
    public Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        boolean missing = isBlank(submission.text())
                || rules.requireNameAndEmail() && (isBlank(submission.author()) || isBlank(submission.email()));
        return missing ? Optional.of(Refusal.of(MESSAGE, 400)) : Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
