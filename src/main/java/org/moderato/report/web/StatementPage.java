package org.moderato.report.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import org.moderato.platform.ReaderTexts;
import org.moderato.report.ReportDecision;
import org.moderato.report.ReportMessages;
import org.moderato.report.ReportService;
import org.moderato.report.StatementOfReasons;

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

    @Inject
    ReaderTexts texts;

    private ReportService.StatementView view;
    private ReportDoor.Refused refused;
    private Long decisionId;
    private String signature;
    private StatementOfReasons statement;

    @PostConstruct
    void load() {
        decisionId = ReportDoor.idOf(request.getParameter("decision"));
        signature = request.getParameter("sig");
        view = decisionId == null ? null : reports.statement(decisionId, signature).orElse(null);
        refused = request.getAttribute(ReportDoor.REFUSED_ATTRIBUTE) instanceof ReportDoor.Refused r ? r : null;
        if (view != null) {
            // the decision stored its facts and ground in English: the facts are told again from its reports, the ground translated
            Locale locale = texts.getLocale();
            ReaderTexts.Words words = ReaderTexts.words(locale);
            ReportDecision d = view.decision();
            statement = StatementOfReasons.of(d.getOutcome(), d.isAutomated(), d.getGroundKind(), texts.translate(locale, d.getGround()),
                    d.getExplanation(), ReportService.facts(view.reports(), words, at -> texts.dateTime(locale, at)), d.getDecidedAt(), words);
        }
    }

    public void prepare() throws IOException {
        SignedLinkPages.prepare(view != null);
    }

    public ReportService.StatementView getView() { return view; }
    public StatementOfReasons getStatement() { return statement; }
    public Long getDecisionId() { return decisionId; }
    public String getSignature() { return signature; }
    public boolean isJustContested() { return refused == null && "1".equals(request.getParameter("contested")); }
    public String getContestedMessage() { return texts.translate(ReportMessages.CONTESTED); }
    public String getFormError() { return refused == null ? null : texts.translate(refused.message()); }
    public String getTypedComplaint() { return refused == null ? "" : refused.typed().getOrDefault("complaint", ""); }
    public boolean isContestable() { return view != null && view.decision().getContestedAt() == null; }

    /** The review's outcome in words, or null while there is none. */
    public String getReviewOutcome() {
        if (view == null || view.decision().getContestOutcome() == null) {
            return null;
        }
        return texts.text("REVERSED".equals(view.decision().getContestOutcome()) ? "statement.reversed" : "statement.upheld");
    }
}
