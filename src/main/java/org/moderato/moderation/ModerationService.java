package org.moderato.moderation;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.moderato.account.Role;
import org.moderato.comment.Comment;
import org.moderato.comment.CommentLimits;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentWriter;
import org.moderato.comment.DeletedComment;
import org.moderato.comment.ModerationEvent;
import org.moderato.comment.SubmittedText;
import org.moderato.rules.HeldAuthor;

/**
 * Every change the desk makes to a comment goes through here: checked against the version the
 * moderator saw, applied by the entity, and recorded as a history row with the caller's name.
 *
 * <p>Each comment is read with a row lock, so two moderators pressing a button on the same comment at
 * the same moment are served one after the other: the second sees the first's version and is told what
 * happened ("already approved by alice 5 s ago") instead of overwriting it. The {@code @Version} column
 * stays as the last guard.
 */
@Stateless
@RolesAllowed({Role.MODERATOR_NAME, Role.ADMIN_NAME})
public class ModerationService {

    public static final String NOTE_BULK = "bulk action";
    public static final String NOTE_UNDO = "undo";
    public static final String NOTE_EDIT = "edited the text";

    /** A comment as the moderator saw it: acting on it is refused when it has changed since. */
    public record Target(long id, int version) implements Serializable {}

    /** A status change that was made, with the version it left, so it can be undone if nothing changed after. */
    public record Move(long id, CommentStatus from, CommentStatus to, int versionAfter) implements Serializable {}

    /** What a (bulk) action did and, comment by comment, what it did not do and why. */
    public record Outcome(List<Move> moves, List<String> refused) {}

    /** A staff reply that was posted; {@code parentApproved} when replying also approved the comment. */
    public record StaffReply(long replyId, String articleSlug, boolean parentApproved) {}

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    @Inject
    CommentWriter writer;

    /** Applies one status move to each comment; comments changed since they were seen are skipped, with the reason. */
    public Outcome apply(ModerationAction action, List<Target> targets) {
        String actor = actor();
        Instant now = Instant.now();
        List<Move> moves = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Target target : targets) {
            Comment comment = em.find(Comment.class, target.id(), LockModeType.PESSIMISTIC_WRITE);
            String problem = problemWith(target, comment, actor, now);
            if (problem == null && !comment.getStatus().canMoveTo(action.target())) {
                problem = "Comment " + target.id() + " is " + Wording.statusName(comment.getStatus()) + ": "
                        + action.label() + " does not apply to it.";
            }
            if (problem != null) {
                refused.add(problem);
                continue;
            }
            CommentStatus from = writer.move(comment, action.target(), actor, now, targets.size() > 1 ? NOTE_BULK : null);
            em.flush();
            moves.add(new Move(comment.getId(), from, action.target(), comment.getVersion()));
        }
        return new Outcome(moves, refused);
    }

    /**
     * The comment as the moderator saw it, locked until the transaction ends, for a decision that is not a
     * status move (dismissing readers' reports); refused, as any action is, when it has changed since.
     */
    public Comment lockUnchanged(Target target) {
        Comment comment = em.find(Comment.class, target.id(), LockModeType.PESSIMISTIC_WRITE);
        String problem = problemWith(target, comment, actor(), Instant.now());
        if (problem != null) {
            throw new ModerationRefused(problem);
        }
        return comment;
    }

    /** Takes back moves this moderator just made, each only if nobody changed the comment after it. */
    public Outcome undo(List<Move> moves) {
        String actor = actor();
        Instant now = Instant.now();
        List<Move> undone = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Move move : moves) {
            Comment comment = em.find(Comment.class, move.id(), LockModeType.PESSIMISTIC_WRITE);
            String problem = problemWith(new Target(move.id(), move.versionAfter()), comment, actor, now);
            if (problem != null) {
                refused.add(problem + " Not undone.");
                continue;
            }
            writer.undo(comment, move.from(), actor, now, NOTE_UNDO);
            em.flush();
            undone.add(new Move(comment.getId(), move.to(), move.from(), comment.getVersion()));
        }
        return new Outcome(undone, refused);
    }

    /**
     * Deletes spam or trashed comments for good. Their history goes with them; what remains is a row
     * saying who deleted which id when. Replies to a deleted comment move up to its parent.
     */
    public Outcome deletePermanently(List<Target> targets) {
        String actor = actor();
        Instant now = Instant.now();
        List<Move> deleted = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        for (Target target : targets) {
            Comment comment = em.find(Comment.class, target.id(), LockModeType.PESSIMISTIC_WRITE);
            String problem = problemWith(target, comment, actor, now);
            if (problem == null && !comment.getStatus().canBeDeletedPermanently()) {
                problem = "Comment " + target.id() + " is " + Wording.statusName(comment.getStatus())
                        + ": only spam and trashed comments can be deleted permanently.";
            }
            if (problem != null) {
                refused.add(problem);
                continue;
            }
            deleted.add(new Move(comment.getId(), comment.getStatus(), null, comment.getVersion()));
            writer.delete(comment, actor, now);
        }
        return new Outcome(deleted, refused);
    }

    /**
     * Posts a reply under the caller's name, public at once and marked as staff. Replying to a pending
     * comment approves it first (as WordPress does): a public reply to a hidden comment would make no sense.
     */
    public StaffReply replyAsStaff(Target parentTarget, String text) {
        String body = checkedText(text, "Please type your reply.");
        String actor = actor();
        Instant now = Instant.now();
        Comment parent = em.find(Comment.class, parentTarget.id(), LockModeType.PESSIMISTIC_WRITE);
        String problem = problemWith(parentTarget, parent, actor, now);
        if (problem != null) {
            throw new ModerationRefused(problem);
        }
        boolean approved = false;
        if (parent.getStatus() == CommentStatus.PENDING) {
            writer.move(parent, CommentStatus.APPROVED, actor, now, "approved by replying");
            approved = true;
        } else if (parent.getStatus() != CommentStatus.APPROVED) {
            throw new ModerationRefused("Comment " + parent.getId() + " is " + Wording.statusName(parent.getStatus())
                    + "; restore it before replying.");
        }
        Comment reply = writer.addStaffReply(parent, actor, body, now);
        return new StaffReply(reply.getId(), parent.getArticle().getSlug(), approved);
    }

    /** Replaces a comment's text; the text before is kept and the edit is a history row. */
    public void editText(Target target, String text) {
        String body = checkedText(text, "The text cannot be empty; trash the comment instead.");
        String actor = actor();
        Instant now = Instant.now();
        Comment comment = em.find(Comment.class, target.id(), LockModeType.PESSIMISTIC_WRITE);
        String problem = problemWith(target, comment, actor, now);
        if (problem != null) {
            throw new ModerationRefused(problem);
        }
        if (comment.getBody().equals(body)) {
            throw new ModerationRefused("The text of comment " + target.id() + " is unchanged.");
        }
        writer.editText(comment, body, actor, now, NOTE_EDIT);
    }

    /** "Always hold" the author of this comment (by their email's blind index): their comments wait from now on. */
    public void holdAuthor(long commentId) {
        String index = authorIndexOf(commentId);
        if (em.find(HeldAuthor.class, index) == null) {
            em.persist(new HeldAuthor(index, actor(), Instant.now()));
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
            throw new ModerationRefused("This comment no longer exists.");
        }
        if (comment.getEmailIndex() == null) {
            throw new ModerationRefused("This author left no email address, so they cannot be recognised next time.");
        }
        return comment.getEmailIndex();
    }

    /** Null when the comment is still as the moderator saw it; otherwise what happened to it, in words. */
    private String problemWith(Target target, Comment comment, String actor, Instant now) {
        if (comment == null) {
            DeletedComment deleted = em.find(DeletedComment.class, target.id());
            return deleted == null ? "Comment " + target.id() + " does not exist."
                    : "Comment " + target.id() + " was deleted permanently by " + who(deleted.getDeletedBy(), actor)
                            + " " + Wording.ago(deleted.getDeletedAt(), now) + ".";
        }
        if (comment.getVersion() == target.version()) {
            return null;
        }
        ModerationEvent last = em.createQuery("SELECT e FROM ModerationEvent e WHERE e.commentId = :id ORDER BY e.id DESC",
                        ModerationEvent.class)
                .setParameter("id", target.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .orElse(null);
        if (last == null || last.getFromStatus() == null) {
            return "Comment " + target.id() + " was changed by someone else; the desk now shows it as it is.";
        }
        return "Comment " + target.id() + " was already " + Wording.pastTense(last.getFromStatus(), last.getToStatus())
                + " by " + who(last.getActor(), actor) + " " + Wording.ago(last.getOccurredAt(), now) + ".";
    }

    private static String who(String someone, String actor) {
        return someone.equals(actor) ? "you" : someone;
    }

    private static String checkedText(String text, String whenEmpty) {
        String body = SubmittedText.cleanText(text);
        if (body == null || body.isEmpty()) {
            throw new ModerationRefused(whenEmpty);
        }
        if (body.getBytes(StandardCharsets.UTF_8).length > CommentLimits.BODY_MAX_BYTES) {
            throw new ModerationRefused("The text is too long (at most 65,525 bytes).");
        }
        return body;
    }

    private String actor() {
        return context.getCallerPrincipal().getName();
    }
}
