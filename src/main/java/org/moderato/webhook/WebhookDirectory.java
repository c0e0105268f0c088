package org.moderato.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * Which webhooks hear of what, kept in memory: every comment written asks, and a site with no webhook
 * must not pay a query (or a payload) per post for it. Reloaded after a change on this node at once, and
 * at most five seconds late for a change made on another node.
 */
@ApplicationScoped
public class WebhookDirectory {

    static final Duration MAX_AGE = Duration.ofSeconds(5);

    /** A webhook's id and events, all a delivery needs to be queued. */
    record Hook(long id, Set<WebhookEvent> events) {}

    private record Snapshot(List<Hook> hooks, long loadedAt) {}

    @PersistenceContext
    EntityManager em;

    private volatile Snapshot snapshot;

    /** The webhooks that hear of {@code event}, in id order. */
    List<Hook> listening(WebhookEvent event) {
        Snapshot now = snapshot;
        if (now == null || System.nanoTime() - now.loadedAt() > MAX_AGE.toNanos()) {
            now = new Snapshot(em.createQuery("SELECT w FROM Webhook w ORDER BY w.id", Webhook.class).getResultList().stream()
                    .map(w -> new Hook(w.getId(), w.events())).toList(), System.nanoTime());
            snapshot = now;
        }
        return now.hooks().stream().filter(h -> h.events().contains(event)).toList();
    }

    /** A webhook was added or removed here: the next question reads the table again. */
    void forget() {
        snapshot = null;
    }
}
