package org.moderato.mail;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.moderato.account.Role;

/** The outbox as the admin sees it: counts per state and the latest rows, never a recipient. */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class OutboxView {

    @PersistenceContext
    EntityManager em;

    public Map<OutboxMail.State, Long> counts() {
        Map<OutboxMail.State, Long> counts = new EnumMap<>(OutboxMail.State.class);
        for (OutboxMail.State state : OutboxMail.State.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("SELECT m.state, COUNT(m) FROM OutboxMail m GROUP BY m.state", Object[].class).getResultList()
                .forEach(row -> counts.put((OutboxMail.State) row[0], (Long) row[1]));
        return counts;
    }

    /** Rows failing now (queued after an error); shown first, however old. */
    public long failing() {
        return em.createQuery("SELECT COUNT(m) FROM OutboxMail m WHERE m.state = :queued AND m.lastError IS NOT NULL", Long.class)
                .setParameter("queued", OutboxMail.State.QUEUED).getSingleResult();
    }

    /** The newest rows, by key: {@code before} 0 for the first page. */
    public List<OutboxRow> latest(long before, int max) {
        var query = em.createQuery("SELECT NEW org.moderato.mail.OutboxRow(m.id, m.kind, m.state, m.subject, m.attempts, m.createdAt,"
                        + " m.nextAttemptAt, m.sentAt, m.lastError, m.commentId) FROM OutboxMail m"
                        + (before > 0 ? " WHERE m.id < :before" : "") + " ORDER BY m.id DESC", OutboxRow.class);
        if (before > 0) {
            query.setParameter("before", before);
        }
        return query.setMaxResults(max).getResultList();
    }
}
