package org.moderato.moderation;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.IllegalStatusChange;
import org.moderato.comment.ModerationEvent;
import org.moderato.privacy.EmailVault;
import org.moderato.rules.HeldAuthor;

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
                                + " a.title, a.slug, c.createdAt, c.body, c.moderationReasons, c.emailIndex"
                                + " FROM Comment c JOIN c.article a WHERE c.status = :status"
                                + (articleId == null ? "" : " AND a.id = :article") + " ORDER BY c.id " + order,
                        Object[].class)
                .setParameter("status", status)
                .setMaxResults(PAGE_SIZE);
        if (articleId != null) {
            query.setParameter("article", articleId);
        }
        List<Object[]> rows = query.getResultList();
        Set<String> held = heldAmong(rows.stream().map(r -> (String) r[11]).filter(Objects::nonNull).collect(Collectors.toSet()));
        return rows.stream()
                .map(r -> new QueuedComment(
                        (Long) r[0], (Integer) r[1], (String) r[2], emailVault.maskedForModerator((String) r[3]),
                        (String) r[4], (String) r[5], (String) r[6], (String) r[7], (Instant) r[8],
                        (String) r[9], (String) r[10], r[11] != null, r[11] != null && held.contains((String) r[11])))
                .toList();
    }

    private Set<String> heldAmong(Set<String> emailIndexes) {
        if (emailIndexes.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT h.emailIndex FROM HeldAuthor h WHERE h.emailIndex IN :indexes", String.class)
                .setParameter("indexes", emailIndexes)
                .getResultList());
    }

    /** "Always hold" the author of this comment (by their email's blind index): their comments wait from now on. */
    public void holdAuthor(long commentId, String actor) {
        String index = authorIndexOf(commentId);
        if (em.find(HeldAuthor.class, index) == null) {
            em.persist(new HeldAuthor(index, actor, Instant.now()));
        }
    }

    /** Lets trust decide again for this comment's author. */
    public void releaseAuthor(long commentId) {
        HeldAuthor held = em.find(HeldAuthor.class, authorIndexOf(commentId));
        if (held != null) {
            em.remove(held);
        }
    }

    private String authorIndexOf(long commentId) {
        Comment comment = em.find(Comment.class, commentId);
        if (comment == null) {
            throw new IllegalStatusChange("This comment no longer exists.");
        }
        if (comment.getEmailIndex() == null) {
            throw new IllegalStatusChange("This author left no email address, so they cannot be recognised next time.");
        }
        return comment.getEmailIndex();
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
