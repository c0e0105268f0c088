package org.moderato.mail.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;
import org.moderato.mail.MailLinks;
import org.moderato.mail.MailPages;
import org.moderato.mail.Subscriptions;
import org.moderato.platform.MailSettings;

/**
 * The links in messages, without a login: {@code /mail/confirm?t=...} and {@code /mail/unsubscribe?t=...}.
 * A GET only shows what the link would do, with a button (mail scanners and previews open links; they
 * must not confirm or unsubscribe anyone); the POST does it. A mail client's one-click unsubscribe (RFC
 * 8058: a POST of {@code List-Unsubscribe=One-Click} to the List-Unsubscribe address) is that POST.
 * Plain servlet pages: no Faces view state, so no session for anyone.
 */
@WebServlet(urlPatterns = {MailLinksServlet.CONFIRM, MailLinksServlet.UNSUBSCRIBE})
public class MailLinksServlet extends HttpServlet {

    static final String CONFIRM = "/mail/confirm";
    static final String UNSUBSCRIBE = "/mail/unsubscribe";

    @Inject
    MailSettings settings;

    @Inject
    MailLinks links;

    @Inject
    Subscriptions subscriptions;

    @Inject
    MailPages pages;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(request, response, false);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding("UTF-8");
        answer(request, response, true);
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean act) throws IOException {
        if (!settings.isOn()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean confirmPath = request.getServletPath().equals(CONFIRM);
        String token = request.getParameter("t");
        Optional<MailLinks.Request> asked = links.read(token, Instant.now())
                .filter(r -> confirmPath == r instanceof MailLinks.Confirm);
        MailPages.Page page = asked.isEmpty() ? pages.invalid()
                : act ? pages.act(asked.get(), "all".equals(request.getParameter("scope")))
                : pages.ask(asked.get(), request.getContextPath() + request.getServletPath(), token);
        response.setStatus(page.status());
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.getWriter().write(page.html());
    }
}
