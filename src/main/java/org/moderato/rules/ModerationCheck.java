package org.moderato.rules;

import java.util.List;

/** A check that has an opinion on approve / hold / spam; an empty list means "no opinion". */
public interface ModerationCheck {
    List<Finding> assess(Submission submission, SubmissionFacts facts, RuleSettings rules);
}
