package org.moderato.report;

/**
 * A reader's report was stored: fired in the report's transaction, for observers whose own rows must
 * commit with it (the webhooks' outbox). Never names the reporter.
 *
 * @param openReports the comment's open reports, this one included
 */
public record CommentReported(long commentId, long articleId, String reason, long openReports) {}
