package org.moderato.report.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.moderato.report.ReportMessages;
import org.moderato.report.ReportService;
import org.omnifaces.util.Faces;

/**
 * {@code /statement?decision=N&sig=...}: the statement of reasons for a removal, for its author through
 * the signed link (no account, no session), with the one-time complaint form.
 */
@Named
@RequestScoped
public class StatementPage {

    @Inject
    ReportService reports;

    @Inject
    HttpServletRequest request;

    private ReportService.StatementView view;
    private ReportDoor.Refused refused;
    private Long decisionId;
    private String signature;

    @PostConstruct
    void load() {
        decisionId = ReportDoor.idOf(request.getParameter("decision"));
        signature = request.getParameter("sig");
        view = decisionId == null ? null : reports.statement(decisionId, signature).orElse(null);
        refused = request.getAttribute(ReportDoor.REFUSED_ATTRIBUTE) instanceof ReportDoor.Refused r ? r : null;
    }

    public void prepare() throws IOException {
        Faces.getResponse().setHeader("Cache-Control", "private, no-store");
        Faces.getResponse().setHeader("Referrer-Policy", "no-referrer");
        if (view == null) {
            Faces.responseSendError(404, ReportMessages.BAD_LINK);
        }
    }

    public ReportService.StatementView getView() { return view; }
    public Long getDecisionId() { return decisionId; }
    public String getSignature() { return signature; }
    public boolean isJustContested() { return refused == null && "1".equals(request.getParameter("contested")); }
    public String getContestedMessage() { return ReportMessages.CONTESTED; }
    public String getFormError() { return refused == null ? null : refused.message(); }
    public String getTypedComplaint() { return refused == null ? "" : refused.typed().getOrDefault("complaint", ""); }
    public boolean isContestable() { return view != null && view.decision().getContestedAt() == null; }

    /** The review's outcome in words, or null while there is none. */
    public String getReviewOutcome() {
        if (view == null || view.decision().getContestOutcome() == null) {
            return null;
        }
        return "REVERSED".equals(view.decision().getContestOutcome())
                ? "After your complaint a moderator reviewed the decision and restored your comment."
                : "After your complaint a moderator reviewed the decision and kept it.";
    }
}
