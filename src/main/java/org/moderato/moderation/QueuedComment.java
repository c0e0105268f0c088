package org.moderato.moderation;

import java.time.Instant;
import org.moderato.comment.CommentText;

/** A comment as the queue shows it: masked address only, and the reasons the rules gave. */
public record QueuedComment(
        long id,
        int version,
        String authorName,
        String maskedEmail,
        String website,
        String ipAddress,
        String articleTitle,
        String articleSlug,
        Instant createdAt,
        String body,
        String reasons,
        boolean authorRecognisable,
        boolean authorAlwaysHeld) {

    public String bodyHtml() {
        return CommentText.toHtml(body);
    }
}
