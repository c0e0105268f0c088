package org.moderato.report.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.moderato.platform.ReaderTexts;
import org.moderato.report.ReportDecision;
import org.moderato.report.ReportMessages;
import org.moderato.report.ReportService;

/**
 * {@code /notice?report=N&sig=...}: the notifier's acknowledgement of an illegal-content notice (DSA
 * Art. 16(4)), and the decision once taken (Art. 16(5)), through the signed link they were given.
 */
@Named
@RequestScoped
public class NoticePage {

    @Inject
    ReportService reports;

    @Inject
    HttpServletRequest request;

    @Inject
    ReaderTexts texts;

    private ReportService.NoticeView view;

    @PostConstruct
    void load() {
        Long id = ReportDoor.idOf(request.getParameter("report"));
        view = id == null ? null : reports.notice(id, request.getParameter("sig")).orElse(null);
    }

    public void prepare() throws IOException {
        SignedLinkPages.prepare(view != null);
    }

    public ReportService.NoticeView getView() { return view; }
    public boolean isJustReceived() { return "1".equals(request.getParameter("received")); }
    public String getReceivedMessage() { return texts.translate(ReportMessages.NOTICE_RECEIVED); }

    /** "The comment was removed on ..." with its ground, in the reader's language; null before a decision. */
    public String getDecision() {
        ReportDecision decision = view == null ? null : view.decision();
        if (decision == null) {
            return null;
        }
        String done = texts.text("notice.outcome." + decision.getOutcome().key(), texts.dateTime(decision.getDecidedAt()));
        return decision.getGround() == null ? done : done + " " + texts.text("notice.ground", texts.translate(decision.getGround()));
    }
    public String getLink() { return request.getRequestURI() + "?report=" + view.report().getId() + "&sig=" + request.getParameter("sig"); }
}
