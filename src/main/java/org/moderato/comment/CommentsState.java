package org.moderato.comment;

import java.time.Instant;

/**
 * A cheap fingerprint of an article's public comments for HTTP caching: a comment approved, edited or
 * taken down changes the count, the newest id or the sum of the row versions. Comments nobody else
 * can see are not part of it.
 */
public record CommentsState(long count, long versionSum, long newestId, Instant lastChange) {

    /** No public comment. */
    static final CommentsState NONE = new CommentsState(0, 0, 0, null);

    /** With one more public comment: its id, its row version and its times (any of them null). */
    CommentsState plus(long id, long version, Instant... times) {
        return new CommentsState(count + 1, versionSum + version, Math.max(newestId, id), latest(lastChange, latest(times)));
    }

    /** The latest of the times that are there; null when none is. */
    static Instant latest(Instant... times) {
        Instant latest = null;
        for (Instant time : times) {
            if (time != null && (latest == null || time.isAfter(latest))) {
                latest = time;
            }
        }
        return latest;
    }
}
