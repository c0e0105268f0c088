package org.moderato.comment;

import java.time.Instant;

/**
 * A cheap fingerprint of an article's comments for HTTP caching: any new comment, status change or
 * edit changes the count, the newest id or the sum of the row versions.
 */
public record CommentsState(long count, long versionSum, long newestId, Instant lastChange) {}
