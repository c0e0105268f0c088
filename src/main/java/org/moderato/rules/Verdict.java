package org.moderato.rules;

import java.util.List;

/** What the rules decided for a new comment, and every reason, in words a moderator can read. */
public record Verdict(Decision decision, List<String> reasons) {

    public Verdict {
        reasons = List.copyOf(reasons);
    }

    /** Spam beats hold beats approve; every finding's reason is kept, in check order. */
    public static Verdict combine(List<Finding> findings) {
        Decision decision = Decision.APPROVE;
        for (Finding finding : findings) {
            if (finding.decision().compareTo(decision) > 0) {
                decision = finding.decision();
            }
        }
        return new Verdict(decision, findings.stream().map(Finding::reason).toList());
    }
}
