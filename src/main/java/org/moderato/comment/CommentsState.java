package org.moderato.comment;

import java.time.Instant;

/**
 * A cheap fingerprint of an article's public comments for HTTP caching: a comment approved, edited or
 * taken down changes the count, the newest id or the sum of the row versions. Comments nobody else
 * can see are not part of it.
 */
public record CommentsState(long count, long versionSum, long newestId, Instant lastChange) {}
