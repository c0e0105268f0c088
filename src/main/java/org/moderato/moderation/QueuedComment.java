package org.moderato.moderation;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentText;

/**
 * A comment as the desk shows it: masked address only, the reasons the rules gave, the comment it
 * replies to, and how the author's other comments stand. {@code version} is the version the moderator
 * sees; every action posts it back, so a change made meanwhile by someone else is noticed, not overwritten.
 */
public record QueuedComment(
        long id,
        int version,
        CommentStatus status,
        String authorName,
        String maskedEmail,
        String website,
        String ipAddress,
        long articleId,
        String articleTitle,
        String articleSlug,
        Instant createdAt,
        String body,
        String reasons,
        boolean staffReply,
        String editedBy,
        String statusChangedBy,
        Instant statusChangedAt,
        ParentExcerpt parent,
        AuthorHistory history,
        boolean authorRecognisable,
        boolean authorAlwaysHeld) {

    public String bodyHtml() {
        return CommentText.toHtml(body);
    }

    /** One reason per line, as the rules wrote them. */
    public List<String> reasonLines() {
        return reasons == null ? List.of() : Arrays.stream(reasons.split("\n")).filter(r -> !r.isBlank()).toList();
    }

    /** The status moves offered for this comment. */
    public List<ModerationAction> actions() {
        return ModerationAction.availableFrom(status);
    }

    public boolean deletable() {
        return status.canBeDeletedPermanently();
    }

    /** Staff reply to spam or trash would publish a thread under a hidden comment. */
    public boolean replyable() {
        return status == CommentStatus.PENDING || status == CommentStatus.APPROVED;
    }

    public String statusLabel() {
        return Wording.statusName(status);
    }

    public ModerationService.Target target() {
        return new ModerationService.Target(id, version);
    }
}
