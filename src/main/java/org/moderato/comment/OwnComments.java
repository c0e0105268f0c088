package org.moderato.comment;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.moderato.rules.CommentPipeline;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.RuleStore;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;
import org.moderato.rules.Verdict;

/**
 * A reader changing their own comment in the minutes after posting (Isso, Remark42 and Coral allow
 * it): edit the text or delete it, with the key from {@link OwnCommentKey}. An edit goes through the
 * checks that read the text again, so it cannot bring in what a post could not: an approved comment
 * the checks would now hold goes back to the queue, one they file as spam goes to Spam; an edit never
 * raises a comment's status. Every version stays in the history, "edited by its author".
 */
@Stateless
public class OwnComments {

    /** Who the history names for an author's own edit or deletion: the desk shows "edited by its author". */
    public static final String AUTHOR = "its author";

    static final String EXPIRED = "This link has expired: a comment can be changed only for a few minutes after it was posted.";
    static final String GONE = "This comment can no longer be changed.";

    @PersistenceContext
    EntityManager em;

    @Inject
    OwnCommentKey keys;

    @Inject
    RuleStore ruleStore;

    @Inject
    CommentPipeline pipeline;

    @Inject
    CommentWriter writer;

    @Inject
    Validator validator;

    /** The comment as its author may change it now: its article, its text, and when the window closes. */
    public record Editable(long commentId, String articleSlug, String articleTitle, String text, Instant until) {}

    /** The link for the page the author lands on after posting, while the comment may still be changed. */
    public Optional<String> keyFor(long articleId, long commentId, Instant now) {
        int minutes = ruleStore.current().ownEditMinutes();
        return em.createQuery("SELECT c.createdAt FROM Comment c WHERE c.id = :id AND c.article.id = :article"
                        + " AND c.staffReply = FALSE AND c.status <> :trash", Instant.class)
                .setParameter("id", commentId).setParameter("article", articleId).setParameter("trash", CommentStatus.TRASH)
                .getResultStream().findFirst()
                .filter(postedAt -> now.isBefore(OwnCommentKey.windowEnd(postedAt, minutes)))
                .map(postedAt -> keys.keyFor(commentId, postedAt, minutes));
    }

    /** What the edit page shows, or a refusal saying why it cannot be changed. */
    public Editable find(long commentId, String key) {
        Comment comment = editable(commentId, key, Instant.now(), false);
        return describe(comment);
    }

    /** Replaces the text as the author typed it; returns the comment as it is now. */
    public Editable edit(long commentId, String key, String typed) {
        CommentDraft draft = new CommentDraft(null, null, null, typed);
        for (ConstraintViolation<CommentDraft> violation : validator.validateProperty(draft, "comment")) {
            throw CommentRefused.invalid(Map.of("comment", violation.getMessage()));
        }
        Instant now = Instant.now();
        Comment comment = editable(commentId, key, now, true);
        String text = draft.getComment();
        if (text.equals(comment.getBody())) {
            return describe(comment);
        }
        RuleSettings rules = ruleStore.current();
        Submission submission = new Submission(comment.getArticle().getId(), comment.getParentId(), comment.getAuthorName(),
                null, comment.getWebsite(), text, comment.getIpAddress(), comment.getUserAgent(), null, null, false);
        SubmissionFacts facts = new SubmissionFacts(now, true, comment.getArticle().getPublishedAt(), Optional.empty(),
                false, Optional.empty(), 0, false, false);
        Verdict verdict = pipeline.moderateEdit(submission, facts, rules);
        writer.editText(comment, text, AUTHOR, now, "edited by its author");
        CommentStatus judged = CommentService.statusFor(verdict.decision());
        if (lowers(comment.getStatus(), judged)) {
            writer.move(comment, judged, CommentWriter.RULES, now, "after the author's edit: " + String.join("; ", verdict.reasons()));
        }
        return describe(comment);
    }

    /** Deletes the comment for good (replies by others move up, as for a moderator's deletion); returns what it was on. */
    public Editable delete(long commentId, String key) {
        Instant now = Instant.now();
        Comment comment = editable(commentId, key, now, true);
        Editable was = describe(comment);
        writer.delete(comment, AUTHOR, now);
        return was;
    }

    /** Pending and spam look alike to their author; an edit may only move a comment towards more scrutiny. */
    private static boolean lowers(CommentStatus now, CommentStatus judged) {
        return switch (now) {
            case APPROVED -> judged != CommentStatus.APPROVED;
            case PENDING -> judged == CommentStatus.SPAM;
            case SPAM, TRASH -> false;
        };
    }

    private Comment editable(long commentId, String key, Instant now, boolean forUpdate) {
        if (!keys.isValid(commentId, key, now)) {
            throw new CommentRefused(EXPIRED, 403);
        }
        Comment comment = em.find(Comment.class, commentId, forUpdate ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE);
        // a moderator's trash or deletion ends the author's say; the window may also have been shortened since
        if (comment == null || comment.getStatus() == CommentStatus.TRASH || comment.isStaffReply()) {
            throw new CommentRefused(GONE, 410);
        }
        if (!now.isBefore(OwnCommentKey.windowEnd(comment.getCreatedAt(), ruleStore.current().ownEditMinutes()))) {
            throw new CommentRefused(EXPIRED, 403);
        }
        return comment;
    }

    private Editable describe(Comment comment) {
        return new Editable(comment.getId(), comment.getArticle().getSlug(), comment.getArticle().getTitle(), comment.getBody(),
                OwnCommentKey.windowEnd(comment.getCreatedAt(), ruleStore.current().ownEditMinutes()));
    }
}
