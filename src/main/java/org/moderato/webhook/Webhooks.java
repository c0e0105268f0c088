package org.moderato.webhook;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.moderato.account.Role;
import org.moderato.platform.Randomness;

/** What admins do with webhooks ({@code /admin/webhooks}): add one (its secret shown once), see its deliveries, remove it. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class Webhooks {

    @Inject
    WebhookSecrets secrets;

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    WebhookDirectory directory;

    /** A webhook as the admin page lists it, with what became of its deliveries. */
    public record Row(long id, String url, Set<WebhookEvent> events, String createdBy, Instant createdAt, long queued, long delivered,
                      long failed, String lastError) {}

    public record Created(long id, String secret) {}

    public List<Row> list() {
        return em.createQuery("SELECT w FROM Webhook w ORDER BY w.id", Webhook.class).getResultList().stream().map(w -> {
            long queued = count(w, WebhookDelivery.State.QUEUED) + count(w, WebhookDelivery.State.SENDING);
            String lastError = em.createQuery("SELECT d.lastError FROM WebhookDelivery d WHERE d.webhookId = :id AND d.lastError IS NOT NULL"
                            + " ORDER BY d.id DESC", String.class)
                    .setParameter("id", w.getId()).setMaxResults(1).getResultStream().findFirst().orElse(null);
            return new Row(w.getId(), w.getUrl(), w.events(), w.getCreatedBy(), w.getCreatedAt(), queued,
                    count(w, WebhookDelivery.State.DELIVERED), count(w, WebhookDelivery.State.FAILED), lastError);
        }).toList();
    }

    private long count(Webhook w, WebhookDelivery.State state) {
        return em.createQuery("SELECT COUNT(d) FROM WebhookDelivery d WHERE d.webhookId = :id AND d.state = :state", Long.class)
                .setParameter("id", w.getId()).setParameter("state", state).getSingleResult();
    }

    public Created add(String url, Set<WebhookEvent> events) {
        String address = url == null ? "" : url.strip();
        if (!isHttpUrl(address) || address.length() > 500) {
            throw new WebhookRefused("Give the endpoint's address: http:// or https://, at most 500 characters.");
        }
        if (events.isEmpty()) {
            throw new WebhookRefused("Choose at least one event.");
        }
        String secret = "whsec_" + HexFormat.of().formatHex(Randomness.bytes(24));
        Webhook hook = new Webhook(address, events, secrets.seal(secret), security.getCallerPrincipal().getName(), Instant.now());
        em.persist(hook);
        em.flush();
        directory.forget();
        return new Created(hook.getId(), secret);
    }

    /** Removes the webhook and its deliveries, sent or not. */
    public void remove(long id) {
        em.createQuery("DELETE FROM WebhookDelivery d WHERE d.webhookId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM Webhook w WHERE w.id = :id").setParameter("id", id).executeUpdate();
        directory.forget();
    }

    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() != null && uri.getScheme().matches("(?i)https?") && uri.getHost() != null && uri.getRawUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
