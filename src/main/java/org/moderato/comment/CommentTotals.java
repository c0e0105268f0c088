package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;

/**
 * Comments per status, kept in step with every change in the same transaction, so the queue can show
 * live counts without counting rows. Writers collect their changes in a {@link Delta} and apply it
 * last: the rows are then always locked in the same order (by status), after any comment rows, which
 * keeps two transactions from waiting on each other.
 */
@Stateless
public class CommentTotals {

    @PersistenceContext
    EntityManager em;

    /** Changes to the totals made by one transaction. */
    public static final class Delta {
        private final Map<CommentStatus, Long> changes = new EnumMap<>(CommentStatus.class);

        /** A comment moved; {@code from} null for a new comment, {@code to} null for a deleted one. */
        public Delta moved(CommentStatus from, CommentStatus to) {
            if (from != null) {
                changes.merge(from, -1L, Long::sum);
            }
            if (to != null) {
                changes.merge(to, 1L, Long::sum);
            }
            return this;
        }
    }

    public void apply(Delta delta) {
        // EnumMap iterates in declaration order: every writer locks the rows in the same order
        delta.changes.forEach((status, change) -> {
            if (change != 0) {
                em.createQuery("UPDATE CommentTotal t SET t.total = t.total + :change WHERE t.status = :status")
                        .setParameter("change", change)
                        .setParameter("status", status)
                        .executeUpdate();
            }
        });
    }

    public Map<CommentStatus, Long> current() {
        Map<CommentStatus, Long> totals = new EnumMap<>(CommentStatus.class);
        em.createQuery("SELECT t FROM CommentTotal t", CommentTotal.class).getResultList()
                .forEach(t -> totals.put(t.getStatus(), t.getTotal()));
        return totals;
    }

    /** Counts again from the comments themselves: repairs the totals after writes that went around the services. */
    public void recount() {
        em.createNativeQuery("UPDATE comment_totals SET total = (SELECT COUNT(*) FROM comments c WHERE c.status = comment_totals.status)")
                .executeUpdate();
    }
}
