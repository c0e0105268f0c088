package org.moderato.comment;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Comments per status, for the queue's tabs, without counting rows. The totals learn of every move
 * from the write path's {@link CommentsChanged} after commit, add them up in memory and write them in
 * one short transaction a second, so no comment's transaction waits on a counter row. What is not
 * written yet is added when reading; a crash loses at most a second of moves, and the recount at
 * start-up and every ten minutes ({@link TotalsRecount}) repairs that.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class CommentTotals {

    private static final Logger LOG = Logger.getLogger(CommentTotals.class.getName());

    @PersistenceContext
    EntityManager em;

    private final Map<CommentStatus, AtomicLong> unwritten = new EnumMap<>(CommentStatus.class);

    public CommentTotals() {
        for (CommentStatus status : CommentStatus.values()) {
            unwritten.put(status, new AtomicLong());
        }
    }

    public void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
        for (CommentsChanged.Move move : change.moves()) {
            if (move.from() != move.to()) {
                if (move.from() != null) {
                    unwritten.get(move.from()).decrementAndGet();
                }
                if (move.to() != null) {
                    unwritten.get(move.to()).incrementAndGet();
                }
            }
        }
    }

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void write() {
        Map<CommentStatus, Long> changes = new EnumMap<>(CommentStatus.class);
        unwritten.forEach((status, count) -> {
            long change = count.getAndSet(0);
            if (change != 0) {
                changes.put(status, change);
            }
        });
        try {
            // EnumMap iterates in declaration order: writers on other nodes lock the rows in the same order
            changes.forEach((status, change) -> em.createQuery("UPDATE CommentTotal t SET t.total = t.total + :change WHERE t.status = :status")
                    .setParameter("change", change)
                    .setParameter("status", status)
                    .executeUpdate());
            em.flush();
        } catch (RuntimeException e) {
            changes.forEach((status, change) -> unwritten.get(status).addAndGet(change));
            LOG.log(Level.WARNING, "could not write the comment totals; trying again in a second", e);
        }
    }

    public Map<CommentStatus, Long> current() {
        Map<CommentStatus, Long> totals = new EnumMap<>(CommentStatus.class);
        em.createQuery("SELECT t FROM CommentTotal t", CommentTotal.class).getResultList()
                .forEach(t -> totals.put(t.getStatus(), t.getTotal() + unwritten.get(t.getStatus()).get()));
        return totals;
    }

    /** Counts again from the comments themselves: repairs any drift (a crash, a write that went around the write path). */
    public void recount() {
        unwritten.values().forEach(count -> count.set(0));
        em.createNativeQuery("UPDATE comment_totals SET total = (SELECT COUNT(*) FROM comments c WHERE c.status = comment_totals.status)")
                .executeUpdate();
    }
}
