package org.moderato.moderation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.IllegalStatusChange;
import org.moderato.comment.ModerationEvent;
import org.moderato.privacy.EmailVault;

/** Every status change a moderator makes goes through here: checked, applied, and audited. */
@Stateless
public class ModerationService {

    public static final int PAGE_SIZE = 50;

    @PersistenceContext
    EntityManager em;

    @Inject
    EmailVault emailVault;

    /** Moves a comment; the entity refuses illegal moves, the version refuses lost updates. */
    public void changeStatus(long commentId, CommentStatus target, String actor, String note) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw new IllegalStatusChange("This comment no longer exists.");
        }
        Instant now = Instant.now();
        CommentStatus previous = comment.moveTo(target, actor, now);
        em.persist(new ModerationEvent(commentId, actor, now, previous, target, note));
    }

    /** One page of comments with the given status: pending oldest first, the others newest first. */
    public List<QueuedComment> queue(CommentStatus status) {
        return queue(status, null);
    }

    /** The same, for one article only when {@code articleId} is given (the admin's article list links here). */
    public List<QueuedComment> queue(CommentStatus status, Long articleId) {
        String order = status == CommentStatus.PENDING ? "ASC" : "DESC";
        var query = em.createQuery(
                        "SELECT c.id, c.version, c.authorName, c.emailCiphertext, c.website, c.ipAddress,"
                                + " a.title, a.slug, c.createdAt, c.body, c.moderationReasons"
                                + " FROM Comment c JOIN c.article a WHERE c.status = :status"
                                + (articleId == null ? "" : " AND a.id = :article") + " ORDER BY c.id " + order,
                        Object[].class)
                .setParameter("status", status)
                .setMaxResults(PAGE_SIZE);
        if (articleId != null) {
            query.setParameter("article", articleId);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new QueuedComment(
                        (Long) r[0], (Integer) r[1], (String) r[2], emailVault.maskedForModerator((String) r[3]),
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7], (Instant) r[8],
                        (String) r[9], (String) r[10]))
                .toList();
    }

    public long count(CommentStatus status) {
        return count(status, null);
    }

    public long count(CommentStatus status, Long articleId) {
        var query = em.createQuery("SELECT COUNT(c) FROM Comment c WHERE c.status = :status"
                        + (articleId == null ? "" : " AND c.article.id = :article"), Long.class)
                .setParameter("status", status);
        if (articleId != null) {
            query.setParameter("article", articleId);
        }
        return query.getSingleResult();
    }
}
