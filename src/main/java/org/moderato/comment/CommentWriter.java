package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.moderato.article.Article;

/**
 * The one write path for comments. Every door (the article form, the desk, privacy jobs, imports)
 * changes a comment row through here, inside the caller's transaction, so the row's invariants are
 * kept in one place: the status moves only as {@link CommentStatus} allows and each move has its
 * history row; a reply's depth is its parent's plus one, also after its parent is removed; and every
 * change is announced as a {@link CommentsChanged} event that observers receive only after commit.
 * Imports write in JDBC batches through {@link CommentImport}, which keeps the same rules.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class CommentWriter {

    /** The actor of the history row a submission gets. */
    public static final String RULES = "rules";

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<CommentsChanged> changes;

    /** Delivered in this transaction (see {@link CommentWritten}: the mail outbox commits with the comment). */
    @Inject
    Event<CommentWritten> written;

    /**
     * A reader's comment with the status the rules gave it and their reasons as its first history row;
     * {@code parentDepth} is the depth of the comment replied to (0 for a top-level comment).
     */
    public Comment addSubmitted(Article article, CommentDraft draft, int parentDepth, SealedEmail email, ClientInfo client,
                                CommentStatus status, List<String> reasons, Instant now) {
        Comment comment = new Comment(article, draft, parentDepth + 1, email, client, status, reasons, now);
        em.persist(comment);
        // the history row refers to the comment: one flush so the comment row is written first
        em.flush();
        em.persist(new ModerationEvent(comment.getId(), RULES, now, null, status, String.join("; ", reasons)));
        written.fire(new CommentWritten(comment, null, draft.getFollowUp()));
        announce(status == CommentStatus.APPROVED ? CommentsChanged.added(comment)
                : CommentsChanged.of(comment.getArticle().getId(), comment.getId(), null, comment.getStatus()));
        return comment;
    }

    /** A staff member's reply, public at once. */
    public Comment addStaffReply(Comment parent, String actor, String text, Instant now) {
        Comment reply = Comment.staffReply(parent, actor, text, now);
        em.persist(reply);
        em.flush();
        em.persist(new ModerationEvent(reply.getId(), actor, now, null, CommentStatus.APPROVED, "staff reply to comment " + parent.getId()));
        written.fire(new CommentWritten(reply, null, FollowUp.NONE));
        announce(CommentsChanged.added(reply));
        return reply;
    }

    /** Moves the comment (the entity refuses an illegal move) and records who did it. */
    public CommentStatus move(Comment comment, CommentStatus to, String actor, Instant now, String note) {
        CommentStatus from = comment.moveTo(to, actor, now);
        em.persist(new ModerationEvent(comment.getId(), actor, now, from, to, note));
        written.fire(new CommentWritten(comment, from, FollowUp.NONE));
        announce(CommentsChanged.of(comment.getArticle().getId(), comment.getId(), from, to));
        return from;
    }

    /**
     * Sends a comment back to the queue as pending for a reason that did not come from the rules or a
     * moderator's button (readers' reports, an author contesting a removal); the reason becomes the
     * comment's "why it is here" and the note of its history row.
     */
    public CommentStatus holdForReview(Comment comment, String actor, Instant now, String reason) {
        CommentStatus from = comment.holdForReview(reason, actor, now);
        em.persist(new ModerationEvent(comment.getId(), actor, now, from, CommentStatus.PENDING, reason));
        announce(CommentsChanged.of(comment.getArticle().getId(), comment.getId(), from, CommentStatus.PENDING));
        return from;
    }

    /**
     * A history row for a decision about the comment that is not itself a move (reports dismissed, the
     * ground of a removal): nothing in the row changes, nothing is announced.
     */
    public void recordDecision(Comment comment, String actor, Instant now, String note) {
        em.persist(new ModerationEvent(comment.getId(), actor, now, comment.getStatus(), comment.getStatus(), note));
    }

    /** Takes back the move from {@code previous}. */
    public void undo(Comment comment, CommentStatus previous, String actor, Instant now, String note) {
        CommentStatus from = comment.getStatus();
        comment.undoMoveFrom(previous, actor, now);
        em.persist(new ModerationEvent(comment.getId(), actor, now, from, previous, note));
        written.fire(new CommentWritten(comment, from, FollowUp.NONE));
        announce(CommentsChanged.of(comment.getArticle().getId(), comment.getId(), from, previous));
    }

    /** Replaces the text; the text before is kept as a revision and the edit is a history row. */
    public void editText(Comment comment, String text, String actor, Instant now, String note) {
        String previous = comment.editText(text, actor, now);
        em.persist(new CommentRevision(comment.getId(), actor, now, previous));
        em.persist(new ModerationEvent(comment.getId(), actor, now, comment.getStatus(), comment.getStatus(), note));
        announce(CommentsChanged.contentOf(comment.getArticle().getId(), comment.getId(), comment.getStatus()));
    }

    /**
     * Removes a comment for good, with its history and revisions; {@code deletedBy} non-null leaves a
     * row saying who deleted it when. Replies by other people stay: they move up to the removed
     * comment's parent, one level shallower with everything below them, as WordPress does.
     */
    public void delete(Comment comment, String deletedBy, Instant now) {
        long id = comment.getId();
        long articleId = comment.getArticle().getId();
        CommentStatus status = comment.getStatus();
        // read afresh: an earlier removal in the same transaction may have lifted this comment by a bulk update
        Long parentId = em.createQuery("SELECT c.parentId FROM Comment c WHERE c.id = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        boolean repliesMoved = liftReplies(id, parentId);
        em.createQuery("DELETE FROM ModerationEvent e WHERE e.commentId = :id").setParameter("id", id).executeUpdate();
        em.createQuery("DELETE FROM CommentRevision r WHERE r.commentId = :id").setParameter("id", id).executeUpdate();
        if (deletedBy != null) {
            em.persist(new DeletedComment(comment, deletedBy, now));
        }
        em.remove(comment);
        em.flush();
        CommentsChanged deleted = CommentsChanged.of(articleId, id, status, null);
        // lifted replies show in another place of the thread
        announce(repliesMoved ? new CommentsChanged(articleId, true, deleted.moves()) : deleted);
    }

    private boolean liftReplies(long id, Long parentId) {
        List<Long> level = List.of(id);
        boolean any = false;
        while (true) {
            List<Long> below = em.createQuery("SELECT c.id FROM Comment c WHERE c.parentId IN :level", Long.class)
                    .setParameter("level", level).getResultList();
            if (below.isEmpty()) {
                break;
            }
            any = true;
            em.createQuery("UPDATE Comment c SET c.depth = c.depth - 1 WHERE c.id IN :ids").setParameter("ids", below).executeUpdate();
            level = below;
        }
        if (any) {
            em.createQuery("UPDATE Comment c SET c.parentId = :parent WHERE c.parentId = :id")
                    .setParameter("parent", parentId).setParameter("id", id).executeUpdate();
        }
        return any;
    }

    /**
     * A privacy request: the author's name, address, website and client details go, the text stays.
     * The history keeps who moved it when, without notes (the rules' reasons can quote an address or IP).
     */
    public void eraseAuthor(Comment comment, Instant now) {
        comment.eraseAuthor(now);
        em.createQuery("UPDATE ModerationEvent e SET e.note = NULL WHERE e.commentId = :id")
                .setParameter("id", comment.getId()).executeUpdate();
        announce(CommentsChanged.contentOf(comment.getArticle().getId(), comment.getId(), comment.getStatus()));
    }

    /** After the retention period: the truncated IP stays, the user agent goes. Nothing readers see. */
    public void anonymiseClient(Comment comment, String truncatedIpAddress, Instant now) {
        comment.anonymiseClient(truncatedIpAddress, now);
    }

    /**
     * Seals the address again under another key, only if the row still holds {@code oldCiphertext}
     * (an erasure running at the same time wins). The version is not bumped: nothing a moderator sees changes.
     */
    public boolean reseal(long commentId, String oldCiphertext, SealedEmail sealed) {
        return em.createQuery("UPDATE Comment c SET c.emailCiphertext = :ciphertext, c.emailIndex = :index,"
                        + " c.emailKeyId = :key WHERE c.id = :id AND c.emailCiphertext = :old")
                .setParameter("ciphertext", sealed.ciphertext())
                .setParameter("index", sealed.blindIndex())
                .setParameter("key", sealed.keyId())
                .setParameter("id", commentId)
                .setParameter("old", oldCiphertext)
                .executeUpdate() == 1;
    }

    /** Marks an address no key at hand can read, so it is not looked at again every hour. */
    public void labelKey(long commentId, String keyId) {
        em.createQuery("UPDATE Comment c SET c.emailKeyId = :key WHERE c.id = :id AND c.emailKeyId IS NULL")
                .setParameter("key", keyId).setParameter("id", commentId).executeUpdate();
    }

    private void announce(CommentsChanged change) {
        changes.fire(change);
    }
}
