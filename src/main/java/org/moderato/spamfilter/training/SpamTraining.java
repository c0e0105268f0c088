package org.moderato.spamfilter.training;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.comment.CommentsChanged;
import org.moderato.spamfilter.SpamModels;

/**
 * Follows the write path's committed changes ({@link CommentsChanged}): writes the lesson, then applies it to this node's copy of the
 * model, before the moderator's page is answered, so the next comment is judged by it. A lesson that
 * fails is logged and leaves the model as it was (the admin's "Retrain from scratch" catches up).
 *
 * <p>The lesson is written on a managed thread while this one waits: after completion the finished
 * transaction is still bound to this thread, and Payara refuses to resume it after a
 * {@code REQUIRES_NEW} call ("Invalid transaction passed to resume()"), losing the result.
 */
@ApplicationScoped
public class SpamTraining {

    private static final Logger LOG = Logger.getLogger(SpamTraining.class.getName());

    @Inject
    SpamLessons lessons;

    @Inject
    SpamRetraining retraining;

    @Inject
    SpamModels models;

    @Resource
    ManagedExecutorService executor;

    /** New comments' lessons wait this long to be learnt together (one transaction for a busy site's second, not one per comment). */
    static final long GATHER_MILLIS = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    static final long LESSON_TIMEOUT_SECONDS = 10;
    private static final int BATCH = 200;

    private final Queue<CommentsChanged.Move> newComments = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean rebuildWanted = new AtomicBoolean();
    /** A rebuild is running: the next request waits for it instead of starting a second one. */
    private final AtomicBoolean rebuildRunning = new AtomicBoolean();

    /** More moves than this in one change (an import, a large bulk action): rebuilt from scratch instead. */
    static final int MOVES_LEARNT_ONE_BY_ONE = 100;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
        List<CommentsChanged.Move> moves = change.moves().stream().filter(move -> move.from() != move.to()).toList();
        if (moves.isEmpty()) {
            return;
        }
        if (moves.size() > MOVES_LEARNT_ONE_BY_ONE) {
            rebuildSoon();
            return;
        }
        List<CommentsChanged.Move> decisions = moves.stream().filter(move -> move.from() != null).toList();
        // a new comment's verdict teaches without anyone waiting for it: queued, learnt in batches by one worker, half a second later
        moves.stream().filter(move -> move.from() == null && Lesson.labelOf(move.to()) != null).forEach(newComments::add);
        drainSoon();
        if (!decisions.isEmpty()) {
            learnNow(decisions);
        }
    }

    /** A moderator's decision is learnt before their page is answered, so the next comment is judged by it. */
    private void learnNow(List<CommentsChanged.Move> decisions) {
        try {
            apply(executor.submit(() -> lessons.learn(decisions)).get(LESSON_TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.WARNING, "spam filter: no lesson from " + decisions, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drainNewComments() {
        try {
            List<CommentsChanged.Move> batch = new ArrayList<>();
            for (CommentsChanged.Move move = newComments.poll(); move != null; move = newComments.poll()) {
                batch.add(move);
                if (batch.size() == BATCH) {
                    applyNew(lessons.learnNew(batch));
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                applyNew(lessons.learnNew(batch));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "spam filter: lessons from new comments lost (a retrain catches up)", e);
        } finally {
            draining.set(false);
            drainSoon();
        }
    }

    private void drainSoon() {
        if (!newComments.isEmpty() && draining.compareAndSet(false, true)) {
            scheduler.schedule(this::drainNewComments, GATHER_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * One rebuild in the background however many batches ask for it meanwhile (an import announces
     * each article, all at its commit): never two at once (each reads every comment), and a request
     * that comes while one runs gets one more after it.
     */
    private void rebuildSoon() {
        rebuildWanted.set(true);
        if (!rebuildRunning.compareAndSet(false, true)) {
            return;
        }
        executor.submit(() -> {
            try {
                while (rebuildWanted.getAndSet(false)) {
                    retraining.catchUp();
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "spam filter: could not rebuild after a batch of changes", e);
            } finally {
                rebuildRunning.set(false);
                if (rebuildWanted.get()) {
                    rebuildSoon();
                }
            }
        });
    }

    private void applyNew(SpamLessons.NewLessons learnt) {
        if (learnt != null) {
            models.learntAll(learnt.saved(), learnt.examples());
        }
    }

    private void apply(List<SpamLessons.Written> written) {
        for (SpamLessons.Written w : written) {
            models.learnt(w.saved(), w.lesson().hashes(), w.lesson().label(), w.lesson().delta());
        }
    }
}
