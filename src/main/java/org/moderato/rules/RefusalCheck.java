package org.moderato.rules;

import java.util.Optional;

/** A check that can turn a submission away before anything is stored. */
public interface RefusalCheck {
    Optional<Refusal> check(Submission submission, SubmissionFacts facts, RuleSettings rules);
}
