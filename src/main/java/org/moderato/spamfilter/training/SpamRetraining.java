package org.moderato.spamfilter.training;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.moderato.account.Role;
import org.moderato.comment.CommentStatus;
import org.moderato.platform.DatabaseConfig;
import org.moderato.spamfilter.Features;
import org.moderato.spamfilter.SpamModel;
import org.moderato.spamfilter.SpamModelTable;
import org.moderato.spamfilter.SpamModels;

/**
 * Rebuilds the model from every approved and spam comment now stored, reading them page by page
 * (by key), and replaces the stored model in one transaction; this node's copy follows on commit.
 * Spam that was deleted for good is forgotten by a rebuild.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class SpamRetraining {

    private static final Logger LOG = Logger.getLogger(SpamRetraining.class.getName());
    private static final int PAGE = 1000;

    /** What a rebuild learnt from. */
    public record Retrained(int spam, int good, int features) {}

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    SpamModels models;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /** The admin's "Retrain from scratch". */
    public Retrained retrain() {
        return rebuild();
    }

    /**
     * The same, for the system itself after a batch of changes (an import, a large bulk action): no
     * caller to check, since it is only reached from {@link SpamTraining} in this server.
     */
    @PermitAll
    public Retrained catchUp() {
        return rebuild();
    }

    private Retrained rebuild() {
        long started = System.nanoTime();
        SpamModel model = new SpamModel();
        long after = 0;
        for (List<Object[]> page = page(after); !page.isEmpty(); page = page(after)) {
            for (Object[] row : page) {
                int[] hashes = SpamLessons.hashes(Features.of((String) row[1], (String) row[2], (String) row[3]));
                model.train(hashes, Lesson.labelOf((CommentStatus) row[4]), 1);
                after = (Long) row[0];
            }
            em.clear();
        }
        SpamModelTable.Saved saved;
        try (Connection db = dataSource.getConnection()) {
            saved = SpamModelTable.replace(db, model);
        } catch (SQLException e) {
            throw new IllegalStateException("the spam filter's model could not be saved", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    models.replaced(model, saved);
                }
            }
        });
        Retrained retrained = new Retrained(model.spamMessages(), model.goodMessages(), model.features());
        LOG.info(() -> String.format("spam filter retrained from scratch: %s in %.0f ms", retrained, (System.nanoTime() - started) / 1e6));
        return retrained;
    }

    private List<Object[]> page(long after) {
        return em.createQuery("SELECT c.id, c.authorName, c.website, c.body, c.status FROM Comment c"
                        + " WHERE c.id > :after AND c.status IN :learnt ORDER BY c.id", Object[].class)
                .setParameter("after", after)
                .setParameter("learnt", List.of(CommentStatus.APPROVED, CommentStatus.SPAM))
                .setMaxResults(PAGE)
                .getResultList();
    }
}
