package org.moderato.report;

import java.util.List;

/**
 * A decision about a reported comment was taken (fired in the transaction, observed
 * {@code AFTER_SUCCESS}): for a mail feature to send the author the statement of reasons
 * ({@code statementPath}, signed, relative to the site; null when nothing was removed) and each
 * illegal-content notifier the decision ({@code sealedNotifierEmails}: the vault's ciphertexts).
 */
public record ReportDecided(long decisionId, long commentId, DecisionOutcome outcome, String statementPath,
                            List<String> sealedNotifierEmails) {

    public ReportDecided {
        sealedNotifierEmails = List.copyOf(sealedNotifierEmails);
    }
}
