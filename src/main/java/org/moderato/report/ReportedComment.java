package org.moderato.report;

import java.time.Instant;
import java.util.List;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentText;
import org.moderato.moderation.ModerationService;

/**
 * One row of the moderators' "Reported" view: the comment as the moderator sees it (its version, for
 * the version check), its open reports (reason, note, notice fields, when; never who), and whether its
 * author contested an earlier removal.
 */
public record ReportedComment(long id, int version, CommentStatus status, String authorName, String articleSlug,
                              String articleTitle, String body, Instant createdAt, List<Line> reports, boolean notice,
                              String contestText, Instant firstReportAt) {

    /** One report as moderators see it. The notifier's name is part of the notice they chose to give. */
    public record Line(ReportReason reason, String note, String law, String explanation, String notifierName, Instant at) {}

    public ReportedComment {
        reports = List.copyOf(reports);
    }

    public ModerationService.Target target() {
        return new ModerationService.Target(id, version);
    }

    public String summary() {
        return ReportSummary.of(reports.stream().map(Line::reason).toList());
    }

    public boolean contested() {
        return contestText != null;
    }

    public String bodyHtml() {
        return CommentText.toHtml(body);
    }

    public String statusLabel() {
        return status.name().toLowerCase(java.util.Locale.ROOT);
    }
}
