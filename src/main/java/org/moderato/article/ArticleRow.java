package org.moderato.article;

import java.time.Instant;

/** One line of the admin's article list, with its approved and pending comment counts. */
public record ArticleRow(long id, String slug, String title, ArticleStatus status, Instant publishedAt,
                         long approved, long pending) {

    /** "Draft", "Published" or "Scheduled", as the admin thinks of it. */
    public String state(Instant now) {
        if (status == ArticleStatus.DRAFT) {
            return "Draft";
        }
        return publishedAt.isAfter(now) ? "Scheduled" : "Published";
    }
}
