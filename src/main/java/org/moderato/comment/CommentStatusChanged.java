package org.moderato.comment;

/**
 * A comment's status changed and the change has been committed; observed {@code AFTER_SUCCESS}.
 * {@code from} is null for a new comment, {@code to} null for one deleted for good. Fired today by
 * {@code CommentService} (a new comment), {@code ModerationService} (the desk: moves, undo, replies,
 * deletions); the comment core is to fire it from its one write path.
 */
public record CommentStatusChanged(long commentId, long articleId, CommentStatus from, CommentStatus to) {}
