package org.moderato.comment;

import java.time.Instant;

/**
 * An approved comment as every reader sees it: no address, no IP, nothing private. {@code staff}: a
 * reply by a moderator or admin, marked "Staff" on the page.
 */
public record PublicComment(Long id, Long parentId, String authorName, String website, String body, Instant createdAt,
                            boolean staff) {

    /** The text as safe HTML: escaped, with paragraphs and line breaks kept. */
    public String bodyHtml() {
        return CommentText.toHtml(body);
    }
}
