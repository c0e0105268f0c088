package org.moderato.webhook;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The deliveries' outbox: {@link #queue} in the caller's transaction, the sender's steps each in a
 * short one of their own. A row is claimed by {@code UPDATE ... WHERE state = 'QUEUED'} before it is
 * sent, so of several nodes exactly one sends it.
 */
@Stateless
public class WebhookOutbox {

    static final Duration LEASE = Duration.ofMinutes(2);
    static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    static final long MAX_WAIT_SECONDS = 30 * 60;

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<DeliveryQueued> queued;

    @Inject
    WebhookDirectory directory;

    @Inject
    WebhookSecrets secrets;

    /** A delivery of {@code event} to every webhook that hears of it; nothing (not even the payload) when none does. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void queue(WebhookEvent event, Supplier<String> payload, Instant now) {
        List<WebhookDirectory.Hook> hooks = directory.listening(event);
        if (hooks.isEmpty()) {
            return;
        }
        String body = payload.get();
        for (WebhookDirectory.Hook hook : hooks) {
            em.persist(new WebhookDelivery(hook.id(), event, body, now));
        }
        queued.fire(new DeliveryQueued());
    }

    /** A delivery and the webhook it goes to, as the sender needs them. */
    /** {@code secret}: the signing secret, null when this server cannot read it (see {@link WebhookSecrets}). */
    public record Due(long id, String url, String secret, String event, String payload, int attempts, Instant createdAt) {}

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Due> claimDue(Instant now, int max) {
        List<Long> due = em.createQuery("SELECT d.id FROM WebhookDelivery d WHERE d.state = :queued AND d.nextAttemptAt <= :now ORDER BY d.id",
                        Long.class)
                .setParameter("queued", WebhookDelivery.State.QUEUED).setParameter("now", now).setMaxResults(max).getResultList();
        List<Due> claimed = new ArrayList<>();
        for (Long id : due) {
            int won = em.createQuery("UPDATE WebhookDelivery d SET d.state = :sending, d.leaseUntil = :lease, d.attempts = d.attempts + 1"
                            + " WHERE d.id = :id AND d.state = :queued")
                    .setParameter("sending", WebhookDelivery.State.SENDING).setParameter("lease", now.plus(LEASE))
                    .setParameter("id", id).setParameter("queued", WebhookDelivery.State.QUEUED).executeUpdate();
            if (won == 1) {
                Object[] row = em.createQuery("SELECT w.url, w.sealedSecret, d.event, d.payload, d.attempts, d.createdAt FROM WebhookDelivery d,"
                                + " Webhook w WHERE d.id = :id AND w.id = d.webhookId", Object[].class)
                        .setParameter("id", id).getSingleResult();
                claimed.add(new Due(id, (String) row[0], secrets.readable((String) row[1]), (String) row[2], (String) row[3], (Integer) row[4],
                        (Instant) row[5]));
            }
        }
        return claimed;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void delivered(long id, int status, Instant now) {
        em.createQuery("UPDATE WebhookDelivery d SET d.state = :delivered, d.deliveredAt = :now, d.lastStatus = :status, d.leaseUntil = NULL"
                        + " WHERE d.id = :id AND d.state = :sending")
                .setParameter("delivered", WebhookDelivery.State.DELIVERED).setParameter("now", now).setParameter("status", status)
                .setParameter("id", id).setParameter("sending", WebhookDelivery.State.SENDING).executeUpdate();
    }

    /** Back to the queue after a doubling wait ({@code first}, 2×, 4×, ... at most half an hour), or failed after three days. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void retryLater(Due due, Integer status, String error, long firstWaitSeconds, Instant now) {
        boolean giveUp = due.createdAt().plus(GIVE_UP_AFTER).isBefore(now);
        long wait = Math.min(MAX_WAIT_SECONDS, firstWaitSeconds << Math.min(20, Math.max(0, due.attempts() - 1)));
        em.createQuery("UPDATE WebhookDelivery d SET d.state = :state, d.nextAttemptAt = :next, d.lastStatus = :status, d.lastError = :error,"
                        + " d.leaseUntil = NULL WHERE d.id = :id AND d.state = :sending")
                .setParameter("state", giveUp ? WebhookDelivery.State.FAILED : WebhookDelivery.State.QUEUED)
                .setParameter("next", now.plusSeconds(wait)).setParameter("status", status)
                .setParameter("error", error.length() <= 500 ? error : error.substring(0, 500))
                .setParameter("id", due.id()).setParameter("sending", WebhookDelivery.State.SENDING).executeUpdate();
    }

    /**
     * Deliveries whose sender stopped mid-way go back to the queue: unlike a mail, a webhook repeated is
     * harmless (receivers drop a delivery id they have seen), a webhook lost is not.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int requeueExpiredLeases(Instant now) {
        return em.createQuery("UPDATE WebhookDelivery d SET d.state = :queued, d.leaseUntil = NULL WHERE d.state = :sending AND d.leaseUntil < :now")
                .setParameter("queued", WebhookDelivery.State.QUEUED).setParameter("sending", WebhookDelivery.State.SENDING)
                .setParameter("now", now).executeUpdate();
    }
}
