package org.moderato.comment;

/**
 * One comment written by {@link CommentWriter}, delivered to plain {@code @Observes} observers
 * synchronously, inside the writer's transaction, with the entity as it now is. It exists beside
 * {@link CommentsChanged} (delivered only after commit) for observers whose own rows must commit or
 * roll back with the comment: the mail outbox, so that a notification is queued exactly when the
 * change that causes it commits, and never for a change that rolled back. Imports do not fire it
 * (an imported thread notifies nobody). Observers must be quick and must not throw for anything but
 * a reason to refuse the whole write.
 *
 * @param from     the status before, null for a new comment
 * @param followUp what the author asked for when submitting; {@link FollowUp#NONE} for every other write
 */
public record CommentWritten(Comment comment, CommentStatus from, FollowUp followUp) {}
