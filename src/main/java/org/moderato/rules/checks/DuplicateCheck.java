package org.moderato.rules.checks;

import java.util.Optional;
import org.moderato.rules.Refusal;
import org.moderato.rules.RefusalCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/**
 * The same text from the same IP address on the same article and parent, unless that one was trashed
 * (a double click, a resent form). Not by author or email: a 409 for an address would tell anyone
 * that this address wrote this text.
 */
public class DuplicateCheck implements RefusalCheck {

    public static final String MESSAGE = "Duplicate comment detected; it looks as though you've already said that!";

    @Override
    public Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        return facts.duplicate() ? Optional.of(Refusal.of(MESSAGE, 409)) : Optional.empty();
    }
}
