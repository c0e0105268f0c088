package org.moderato.spamfilter.training;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.annotation.Resource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.moderato.comment.CommentsChanged;
import org.moderato.platform.DatabaseConfig;
import org.moderato.spamfilter.FeatureHash;
import org.moderato.spamfilter.Features;
import org.moderato.spamfilter.Label;
import org.moderato.spamfilter.SpamModelTable;

/**
 * Writes what one status change teaches into the model table, in a transaction of its own (the
 * change it follows has already committed). A comment deleted for good keeps its lesson: "Empty
 * spam" must not make the filter forget the spam it has seen.
 */
@Stateless
public class SpamLessons {

    /** A lesson written, with the table version it left. */
    record Written(Lesson lesson, SpamModelTable.Saved saved) {}

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    /** The lessons of several changes, in one transaction of their own. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Written> learn(List<CommentsChanged.Move> changes) {
        List<Written> written = new ArrayList<>();
        for (CommentsChanged.Move change : changes) {
            written.addAll(learnOne(change));
        }
        return written;
    }

    /** New comments' lessons, all in one change of the table; null when none of them teaches anything. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public NewLessons learnNew(List<CommentsChanged.Move> moves) {
        Map<Long, Label> labels = new HashMap<>();
        moves.stream().filter(move -> Lesson.labelOf(move.to()) != null).forEach(move -> labels.put(move.commentId(), Lesson.labelOf(move.to())));
        if (labels.isEmpty()) {
            return null;
        }
        List<SpamModelTable.Example> examples = new ArrayList<>();
        // at most SpamTraining's batch of 200 ids: one query
        em.createQuery("SELECT c.id, c.authorName, c.website, c.body FROM Comment c WHERE c.id IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(labels.keySet()))
                .getResultList()
                .forEach(row -> examples.add(new SpamModelTable.Example(
                        hashes(Features.of((String) row[1], (String) row[2], (String) row[3])), labels.get((Long) row[0]))));
        if (examples.isEmpty()) {
            return null;
        }
        try (Connection db = dataSource.getConnection()) {
            return new NewLessons(examples, SpamModelTable.learnAll(db, examples));
        } catch (SQLException e) {
            throw new IllegalStateException("the spam filter could not learn from " + examples.size() + " new comments", e);
        }
    }

    /** New comments learnt as one change of the table, with the version it left. */
    record NewLessons(List<SpamModelTable.Example> examples, SpamModelTable.Saved saved) {}

    private List<Written> learnOne(CommentsChanged.Move change) {
        Label unlearn = change.to() == null ? null : Lesson.labelOf(change.from());
        Label learn = Lesson.labelOf(change.to());
        if (unlearn == learn) {
            return List.of();
        }
        Optional<int[]> hashes = featuresOf(change.commentId());
        if (hashes.isEmpty()) {
            return List.of();
        }
        List<Lesson> lessons = new ArrayList<>();
        if (unlearn != null) {
            lessons.add(new Lesson(hashes.get(), unlearn, -1));
        }
        if (learn != null) {
            lessons.add(new Lesson(hashes.get(), learn, 1));
        }
        List<Written> written = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            for (Lesson lesson : lessons) {
                written.add(new Written(lesson, SpamModelTable.train(db, lesson.hashes(), lesson.label(), lesson.delta())));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the spam filter could not learn from comment " + change.commentId(), e);
        }
        return written;
    }

    private Optional<int[]> featuresOf(long commentId) {
        return em.createQuery("SELECT c.authorName, c.website, c.body FROM Comment c WHERE c.id = :id", Object[].class)
                .setParameter("id", commentId)
                .getResultStream()
                .findFirst()
                .map(row -> hashes(Features.of((String) row[0], (String) row[1], (String) row[2])));
    }

    static int[] hashes(List<String> features) {
        return features.stream().mapToInt(FeatureHash::of).toArray();
    }
}
