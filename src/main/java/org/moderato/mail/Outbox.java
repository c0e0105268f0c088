package org.moderato.mail;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.moderato.platform.MailSettings;

/**
 * The outbox table: {@link #queue} in the caller's transaction (so a message exists exactly when the
 * change that causes it commits), and the sender's steps, each in a short transaction of its own. A
 * row is claimed by {@code UPDATE ... WHERE state = 'QUEUED'} before anything is sent: of several
 * nodes (or a node and its restarted self) exactly one gets the row.
 */
@Stateless
public class Outbox {

    /** How long a claimed row is the claimer's; longer than the SMTP timeouts of one message together. */
    static final Duration LEASE = Duration.ofMinutes(5);
    /** A message still not sent after this long is given up. */
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    static final String INTERRUPTED = "The sender stopped while sending this message; it may have been delivered, so it is not sent again.";

    @PersistenceContext
    EntityManager em;

    @Inject
    MailSettings settings;

    @Inject
    Event<MailQueued> queued;

    /** Queues a message; false when its {@code onceKey} was queued before (nothing is added). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public boolean queue(MailMessage message, Instant now) {
        if (message.onceKey() != null && !em.createQuery("SELECT m.id FROM OutboxMail m WHERE m.onceKey = :key", Long.class)
                .setParameter("key", message.onceKey()).setMaxResults(1).getResultList().isEmpty()) {
            return false;
        }
        OutboxMail mail = new OutboxMail(message, "<" + UUID.randomUUID() + "@" + settings.siteHost() + ">", now);
        em.persist(mail);
        em.flush();
        queued.fire(new MailQueued(mail.getId()));
        return true;
    }

    /** Notifications queued for this blind index in the last 24 hours (the daily limit). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public long notificationsSince(String recipientIndex, Instant since) {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE m.recipientIndex = :index AND m.createdAt > :since"
                        + " AND m.kind = :notify", Long.class)
                .setParameter("index", recipientIndex).setParameter("since", since).setParameter("notify", MailKind.NOTIFY)
                .getSingleResult();
    }

    /** Claims up to {@code max} due rows for this sender; each claimed row's attempt is counted now. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<OutboxMail> claimDue(Instant now, int max) {
        List<Long> due = em.createQuery("SELECT m.id FROM OutboxMail m WHERE m.state = :queued AND m.nextAttemptAt <= :now ORDER BY m.id",
                        Long.class)
                .setParameter("queued", OutboxMail.State.QUEUED).setParameter("now", now).setMaxResults(max).getResultList();
        List<Long> claimed = new ArrayList<>();
        for (Long id : due) {
            int won = em.createQuery("UPDATE OutboxMail m SET m.state = :sending, m.leaseUntil = :lease, m.attempts = m.attempts + 1"
                            + " WHERE m.id = :id AND m.state = :queued")
                    .setParameter("sending", OutboxMail.State.SENDING).setParameter("lease", now.plus(LEASE))
                    .setParameter("id", id).setParameter("queued", OutboxMail.State.QUEUED).executeUpdate();
            if (won == 1) {
                claimed.add(id);
            }
        }
        if (claimed.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT m FROM OutboxMail m WHERE m.id IN :ids ORDER BY m.id", OutboxMail.class)
                .setParameter("ids", claimed).getResultList();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void sent(long id, Instant now) {
        em.createQuery("UPDATE OutboxMail m SET m.state = :sent, m.sentAt = :now, m.leaseUntil = NULL WHERE m.id = :id AND m.state = :sending")
                .setParameter("sent", OutboxMail.State.SENT).setParameter("now", now)
                .setParameter("id", id).setParameter("sending", OutboxMail.State.SENDING).executeUpdate();
    }

    /** Back to the queue for a later attempt, or given up when it has waited long enough. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retryLater(OutboxMail mail, String error, Instant now) {
        if (mail.getCreatedAt().plus(GIVE_UP_AFTER).isBefore(now)) {
            failed(mail.getId(), "Given up after " + mail.getAttempts() + " attempts: " + error);
            return;
        }
        long wait = secondsBeforeAttempt(mail.getAttempts() + 1, settings.retrySeconds(), settings.maxRetrySeconds());
        em.createQuery("UPDATE OutboxMail m SET m.state = :queued, m.nextAttemptAt = :next, m.lastError = :error, m.leaseUntil = NULL"
                        + " WHERE m.id = :id AND m.state = :sending")
                .setParameter("queued", OutboxMail.State.QUEUED).setParameter("next", now.plusSeconds(wait))
                .setParameter("error", MailText.cut(error, 500))
                .setParameter("id", mail.getId()).setParameter("sending", OutboxMail.State.SENDING).executeUpdate();
    }

    /** The wait before attempt {@code next} (2 or later): {@code first}, doubling each time, at most {@code max}. */
    static long secondsBeforeAttempt(int next, long first, long max) {
        int doublings = Math.min(30, Math.max(0, next - 2));
        return Math.min(max, first << doublings);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failedForGood(long id, String error) {
        failed(id, error);
    }

    private void failed(long id, String error) {
        em.createQuery("UPDATE OutboxMail m SET m.state = :failed, m.lastError = :error, m.leaseUntil = NULL WHERE m.id = :id AND m.state = :sending")
                .setParameter("failed", OutboxMail.State.FAILED).setParameter("error", MailText.cut(error, 500))
                .setParameter("id", id).setParameter("sending", OutboxMail.State.SENDING).executeUpdate();
    }

    /** How long sent and failed messages stay on the outbox page (their rendered text quotes comments). */
    static final Duration KEPT = Duration.ofDays(30);

    /** Forgets sent and failed messages older than {@link #KEPT}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int purgeOld(Instant now) {
        return em.createQuery("DELETE FROM OutboxMail m WHERE m.state IN :done AND m.createdAt < :before")
                .setParameter("done", List.of(OutboxMail.State.SENT, OutboxMail.State.FAILED))
                .setParameter("before", now.minus(KEPT)).executeUpdate();
    }

    /**
     * Rows whose sender's lease ran out (it stopped, or lost its database, in the middle of a message):
     * failed, not queued again, since the SMTP server may have taken the message already.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int abandonExpiredLeases(Instant now) {
        return em.createQuery("UPDATE OutboxMail m SET m.state = :failed, m.lastError = :error, m.leaseUntil = NULL"
                        + " WHERE m.state = :sending AND m.leaseUntil < :now")
                .setParameter("failed", OutboxMail.State.FAILED).setParameter("error", INTERRUPTED)
                .setParameter("sending", OutboxMail.State.SENDING).setParameter("now", now).executeUpdate();
    }
}
