package org.moderato.spamfilter.training;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.moderato.comment.CommentStatusChanged;
import org.moderato.comment.CommentsImported;
import org.moderato.spamfilter.SpamModels;

/**
 * Follows committed status changes: writes the lesson, then applies it to this node's copy of the
 * model, before the moderator's page is answered, so the next comment is judged by it. A lesson that
 * fails is logged and leaves the model as it was (the admin's "Retrain from scratch" catches up).
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

    void onStatusChange(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentStatusChanged change) {
        try {
            for (SpamLessons.Written written : lessons.learn(change)) {
                models.learnt(written.saved(), written.lesson().hashes(), written.lesson().label(), written.lesson().delta());
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "spam filter: no lesson from " + change, e);
        }
    }

    void onImport(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsImported imported) {
        try {
            retraining.retrain();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "spam filter: could not retrain after an import of " + imported.comments() + " comments", e);
        }
    }
}
