package org.moderato.mail;

import java.time.Instant;
import java.util.Locale;

/** One row of the outbox page; "failing" is a queued row whose last attempt failed. Never a recipient. */
public record OutboxRow(long id, MailKind kind, OutboxMail.State state, String subject, int attempts, Instant createdAt,
                        Instant nextAttemptAt, Instant sentAt, String lastError, Long commentId) {

    public boolean isFailing() {
        return state == OutboxMail.State.QUEUED && lastError != null;
    }

    public String stateLabel() {
        return isFailing() ? "failing" : state.name().toLowerCase(Locale.ROOT);
    }
}
