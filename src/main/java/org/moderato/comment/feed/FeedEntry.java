package org.moderato.comment.feed;

import java.time.Instant;
import org.moderato.comment.CommentText;

/** One approved comment as a feed shows it: public fields only, and what its validators are made of. */
public record FeedEntry(Long id, String articleSlug, String articleTitle, String authorName, String body, Instant createdAt,
                        int version, Instant statusChangedAt, Instant editedAt) {

    /** The text as the article page shows it: escaped, paragraphs kept. */
    public String bodyHtml() {
        return CommentText.toHtml(body);
    }

    /** When this entry last changed: written, approved or edited. */
    public Instant lastChange() {
        Instant last = createdAt;
        for (Instant other : new Instant[] {statusChangedAt, editedAt}) {
            if (other != null && other.isAfter(last)) {
                last = other;
            }
        }
        return last;
    }
}
