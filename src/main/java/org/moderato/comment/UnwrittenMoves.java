package org.moderato.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The status moves committed since {@link CommentTotals} last wrote the totals, added up in memory.
 * A plain CDI bean, not part of the EJB: an EJB's after-success observer is invoked by the container
 * inside the finished transaction and fails to resume it ("Invalid transaction passed to resume()"),
 * so the totals learnt nothing until the next recount.
 */
@ApplicationScoped
public class UnwrittenMoves {

    private final Map<CommentStatus, AtomicLong> unwritten = new EnumMap<>(CommentStatus.class);
    /**
     * Held while the table changes under the counts in memory (a write of the moves, a recount), so a
     * reader never sees a move twice (in the table and in memory) or not at all.
     */
    private final ReadWriteLock tableChanging = new ReentrantReadWriteLock();

    public UnwrittenMoves() {
        for (CommentStatus status : CommentStatus.values()) {
            unwritten.put(status, new AtomicLong());
        }
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
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

    AtomicLong of(CommentStatus status) {
        return unwritten.get(status);
    }

    ReadWriteLock tableChanging() {
        return tableChanging;
    }
}
