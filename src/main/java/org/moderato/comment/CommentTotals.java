package org.moderato.comment;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.util.EnumMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Comments per status, for the queue's tabs, without counting rows. The totals learn of every move
 * from the write path's {@link CommentsChanged} after commit ({@link UnwrittenMoves} adds them up in memory) and write them in
 * one short transaction a second, so no comment's transaction waits on a counter row. What is not
 * written yet is added when reading; a crash loses at most a second of moves, and the recount at
 * start-up and every ten minutes ({@link TotalsRecount}) repairs that.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
public class CommentTotals {

    private static final Logger LOG = Logger.getLogger(CommentTotals.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Inject
    UnwrittenMoves moves;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    public void write() {
        moves.tableChanging().writeLock().lock();
        Map<CommentStatus, Long> changes = new EnumMap<>(CommentStatus.class);
        try {
            for (CommentStatus status : CommentStatus.values()) {
                long change = moves.of(status).getAndSet(0);
                if (change != 0) {
                    changes.put(status, change);
                }
            }
            if (changes.isEmpty()) {
                return;
            }
            transaction.begin();
            // EnumMap iterates in declaration order: writers on other nodes lock the rows in the same order
            changes.forEach((status, change) -> em.createQuery("UPDATE CommentTotal t SET t.total = t.total + :change WHERE t.status = :status")
                    .setParameter("change", change)
                    .setParameter("status", status)
                    .executeUpdate());
            transaction.commit();
        } catch (Exception e) {
            rollBack();
            changes.forEach((status, change) -> moves.of(status).addAndGet(change));
            LOG.log(Level.WARNING, "could not write the comment totals; trying again in a second", e);
        } finally {
            moves.tableChanging().writeLock().unlock();
        }
    }

    public Map<CommentStatus, Long> current() {
        moves.tableChanging().readLock().lock();
        try {
            Map<CommentStatus, Long> totals = new EnumMap<>(CommentStatus.class);
            em.createQuery("SELECT t FROM CommentTotal t", CommentTotal.class).getResultList()
                    .forEach(t -> totals.put(t.getStatus(), t.getTotal() + moves.of(t.getStatus()).get()));
            return totals;
        } finally {
            moves.tableChanging().readLock().unlock();
        }
    }

    /** Counts again from the comments themselves: repairs any drift (a crash, a write that went around the write path). */
    public void recount() {
        moves.tableChanging().writeLock().lock();
        try {
            transaction.begin();
            for (CommentStatus status : CommentStatus.values()) {
                moves.of(status).set(0);
            }
            em.createNativeQuery("UPDATE comment_totals SET total = (SELECT COUNT(*) FROM comments c WHERE c.status = comment_totals.status)")
                    .executeUpdate();
            transaction.commit();
        } catch (Exception e) {
            rollBack();
            LOG.log(Level.WARNING, "could not recount the comment totals", e);
        } finally {
            moves.tableChanging().writeLock().unlock();
        }
    }

    private void rollBack() {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "rollback after a failed write of the totals", e);
        }
    }
}
