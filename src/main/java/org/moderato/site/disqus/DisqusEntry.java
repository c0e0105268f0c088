package org.moderato.site.disqus;

import java.time.Instant;

/** What a Disqus export holds: its threads (pages), then its posts (comments), each by Disqus's own id. */
public sealed interface DisqusEntry {

    /** A page; {@code identifier} is the {@code disqus_identifier} the page gave (may be empty), {@code link} its URL. */
    record Thread(long dsqId, String identifier, String link, String title, Instant createdAt, boolean closed,
                  boolean deleted) implements DisqusEntry {}

    /** A comment of the thread {@code threadId}; {@code parentId} 0 for a top-level comment. */
    record Post(long dsqId, long threadId, long parentId, String message, Instant createdAt, boolean deleted, boolean spam,
                boolean approved, String authorName, String authorEmail, String ipAddress) implements DisqusEntry {}
}
