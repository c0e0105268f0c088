package org.moderato.report.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.moderato.platform.ReaderTexts;
import org.moderato.report.ReportDraft;
import org.moderato.report.ReportMessages;
import org.moderato.report.ReportReason;
import org.moderato.report.ReportService;
import org.moderato.rules.FormToken;
import org.omnifaces.util.Faces;

/**
 * {@code /report?comment=N}: the report form for one published comment, a plain form that posts to
 * {@link ReportDoor} (no session, no cookie), with the comment form's signed single-use token and
 * honeypot; after a report, the thanks.
 */
@Named
@RequestScoped
public class ReportPage {

    @Inject
    ReportService reports;

    @Inject
    FormToken formTokens;

    @Inject
    HttpServletRequest request;

    @Inject
    ReaderTexts texts;

    private ReportService.Reportable comment;
    private ReportDoor.Refused refused;
    private boolean sent;
    private String articleSlug;

    @PostConstruct
    void load() {
        Long id = ReportDoor.idOf(request.getParameter("comment"));
        comment = id == null ? null : reports.reportable(id).orElse(null);
        refused = request.getAttribute(ReportDoor.REFUSED_ATTRIBUTE) instanceof ReportDoor.Refused r ? r : null;
        // the thanks name no comment: the answer is the same whatever became of it (held by this very report)
        sent = refused == null && "1".equals(request.getParameter("sent"));
        String slug = request.getParameter("article");
        articleSlug = slug != null && slug.matches("[a-z0-9][a-z0-9-]{0,199}") ? slug : null;
    }

    /** Before anything is written: 404 for a comment that cannot be reported; never kept by a cache. */
    public void prepare() throws IOException {
        Faces.getResponse().setHeader("Cache-Control", "private, no-store");
        if (comment == null && refused == null && !sent) {
            Faces.responseSendError(404, ReportMessages.NO_SUCH_COMMENT);
        }
    }

    public ReportService.Reportable getComment() { return comment; }
    public boolean isSent() { return sent; }
    public String getArticleSlug() { return articleSlug; }
    public String getSentMessage() { return texts.translate(ReportMessages.SENT); }
    public List<ReportReason> getReasons() { return List.of(ReportReason.values()); }
    public int getNoteMax() { return ReportDraft.NOTE_MAX; }

    public String getFormToken() {
        return comment == null ? "" : formTokens.issue(comment.articleId(), Instant.now());
    }

    /** The core's English refusal, in the reader's language. */
    public String getFormError() { return refused == null ? null : texts.translate(refused.message()); }

    public String errorFor(String field) {
        return refused == null ? "" : texts.translate(refused.fieldErrors().getOrDefault(field, ""));
    }

    /** What the reader typed into a refused form, so nothing is lost. */
    public String typed(String field) {
        return refused == null ? "" : refused.typed().getOrDefault(field, "");
    }

    public boolean isChosen(ReportReason reason) {
        return refused != null && reason.key().equals(refused.typed().get("reason"));
    }

    public Map<String, String> getFieldErrors() {
        return refused == null ? Map.of() : texts.translate(refused.fieldErrors());
    }
}
