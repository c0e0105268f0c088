package org.moderato.spamfilter.training;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.List;
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

    static final long LESSON_TIMEOUT_SECONDS = 10;

    /** More moves than this in one change (an import, a large bulk action): rebuilt from scratch instead. */
    static final int MOVES_LEARNT_ONE_BY_ONE = 100;

    void onChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
        List<CommentsChanged.Move> moves = change.moves().stream().filter(move -> move.from() != move.to()).toList();
        if (moves.isEmpty()) {
            return;
        }
        if (moves.size() > MOVES_LEARNT_ONE_BY_ONE) {
            try {
                retraining.retrain();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "spam filter: could not retrain after " + moves.size() + " comments changed at once", e);
            }
            return;
        }
        try {
            List<SpamLessons.Written> written = executor.submit(() -> moves.stream().flatMap(move -> lessons.learn(move).stream()).toList())
                    .get(LESSON_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (SpamLessons.Written w : written) {
                models.learnt(w.saved(), w.lesson().hashes(), w.lesson().label(), w.lesson().delta());
            }
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.log(Level.WARNING, "spam filter: no lesson from " + change, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
