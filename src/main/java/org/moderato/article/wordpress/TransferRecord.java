package org.moderato.article.wordpress;

import java.time.Instant;

/** One row of the import/export audit log, as the export page lists it. */
public record TransferRecord(String kind, String actor, Instant at, String site, int articles, int comments,
                             boolean withEmails, String summary) {}
