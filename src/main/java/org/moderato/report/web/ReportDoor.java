package org.moderato.report.web;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.moderato.platform.PlainRender;
import org.moderato.platform.ReaderTexts;
import org.moderato.platform.TrustedProxies;
import org.moderato.report.ReportDraft;
import org.moderato.report.ReportRefused;
import org.moderato.report.ReportService;

/**
 * The readers' posts of this feature, without Faces and so without a session, as the comment form's
 * door: {@code POST /report} (a report) and {@code POST /statement} (an author's complaint). A success
 * is a 303 (PRG); a refusal renders the same page with the message and everything typed kept.
 */
public class ReportDoor extends HttpFilter {

    public static final String REFUSED_ATTRIBUTE = "moderato.report.refused";
    static final String TOKEN_PARAM = "moderato_token";
    static final String HONEYPOT_PARAM = "comment_extra";

    /** A refused post: the message, messages by field, and what was typed, by field name. */
    public record Refused(String message, Map<String, String> fieldErrors, Map<String, String> typed) {}

    @Inject
    ReportService reports;

    @Inject
    TrustedProxies proxies;

    @Inject
    ReaderTexts texts;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!"POST".equals(request.getMethod()) || !(path.equals("/report") || path.equals("/statement"))) {
            chain.doFilter(request, response);
            return;
        }
        request.setCharacterEncoding("UTF-8");
        Long id = idOf(request.getParameter(path.equals("/report") ? "comment" : "decision"));
        if (id == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "private, no-store");
        try {
            if (path.equals("/report")) {
                ReportService.Submitted sent = reports.submit(id, draftFrom(request), proxies.clientAddress(request));
                redirect(request, response, sent.acknowledgementPath() != null ? sent.acknowledgementPath() + "&received=1"
                        : "/report?sent=1&article=" + sent.articleSlug());
            } else {
                String signature = request.getParameter("sig");
                reports.contest(id, signature, request.getParameter("complaint"));
                redirect(request, response, "/statement?decision=" + id + "&sig=" + (signature == null ? "" : signature) + "&contested=1");
            }
        } catch (ReportRefused refused) {
            Map<String, String> typed = new LinkedHashMap<>();
            request.getParameterMap().forEach((name, values) -> typed.put(name, values.length == 0 ? "" : values[0]));
            request.setAttribute(REFUSED_ATTRIBUTE, new Refused(refused.getMessage(), refused.fieldErrors(), typed));
            response.setStatus(refused.httpStatus());
            request.getRequestDispatcher(path + ".xhtml").forward(new PlainRender(request), response);
        }
    }

    /** Every path here has a query already: the reader's {@code lang} is appended to it. */
    private void redirect(HttpServletRequest request, HttpServletResponse response, String path) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", request.getContextPath() + path + texts.getLangQuery().replace('?', '&'));
    }

    static ReportDraft draftFrom(HttpServletRequest request) {
        return new ReportDraft(request.getParameter("reason"), request.getParameter("note"), request.getParameter("law"),
                request.getParameter("explanation"), request.getParameter("notifier-name"), request.getParameter("notifier-email"),
                request.getParameter(TOKEN_PARAM), request.getParameter(HONEYPOT_PARAM));
    }

    static Long idOf(String value) {
        return value != null && value.matches("[1-9]\\d{0,17}") ? Long.valueOf(value) : null;
    }

}
