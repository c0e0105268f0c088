package org.moderato.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.moderato.platform.MailSettings;
import org.moderato.platform.ReaderTexts;

/**
 * The small pages the links in messages lead to: what the link would do, with its button; and what was
 * done. In the site's language, as the messages that hold the links; their sentences are the mail
 * bundle's {@code page.*}.
 */
@ApplicationScoped
public class MailPages {

    /** A page to answer with. */
    public record Page(int status, String html) {}

    @Inject
    Subscriptions subscriptions;

    @Inject
    MailSettings settings;

    @Inject
    ReaderTexts texts;

    private MailText.Words words() {
        return MailText.Words.in(texts.siteLocale());
    }

    public Page invalid() {
        MailText.Words w = words();
        return page(400, w.text("page.invalidTitle"), "<p id=\"mail-link-invalid\">" + w.html("page.invalid") + "</p>");
    }

    /** The GET: says what the link does and offers the button; changes nothing. */
    public Page ask(MailLinks.Request request, String action, String token) {
        MailText.Words w = words();
        String site = settings.siteName();
        String hidden = "<input type=\"hidden\" name=\"t\" value=\"" + MailText.escape(token) + "\">";
        if (request instanceof MailLinks.Confirm confirm) {
            Optional<String> title = subscriptions.titleOf(confirm.subscriptionId());
            if (title.isEmpty()) {
                return invalid();
            }
            return page(200, w.text("page.confirmTitle"), "<p>" + MailText.escape(w.text("page.confirmAsk", title.get())) + "</p>"
                    + form(action, hidden, "confirm", null, w.text("page.confirmButton")));
        }
        String body = "<p>" + MailText.escape(w.text("page.unsubscribeAsk", site)) + "</p>";
        if (request instanceof MailLinks.LeaveThread leave) {
            Optional<String> title = subscriptions.titleOf(leave.subscriptionId());
            if (title.isPresent()) {
                body += form(action, hidden, "unsubscribe-thread", "thread", w.text("page.unsubscribeThread", title.get()));
            }
        }
        body += form(action, hidden, "unsubscribe-all", "all", w.text("page.unsubscribeAll", site));
        return page(200, w.text("page.unsubscribeTitle"), body);
    }

    /** The POST: does what the link says ({@code all}: the button "stop all mail" was pressed) and says what was done. */
    public Page act(MailLinks.Request request, boolean all) {
        MailText.Words w = words();
        String site = settings.siteName();
        if (request instanceof MailLinks.Confirm confirm) {
            return subscriptions.confirm(confirm.subscriptionId(), Instant.now())
                    .map(title -> done(w.text("page.confirmed", title)))
                    .orElseGet(this::invalid);
        }
        if (request instanceof MailLinks.LeaveThread leave && !all) {
            Optional<String> title = subscriptions.leaveThread(leave.subscriptionId());
            // an unsubscribe that was done before is done: the page says so again
            return done(w.text("page.unsubscribedThread", title.orElse(w.text("page.thisArticle"))));
        }
        String index = request instanceof MailLinks.LeaveAll leaveAll ? leaveAll.emailIndex()
                : subscriptions.indexOf(((MailLinks.LeaveThread) request).subscriptionId()).orElse(null);
        if (index != null) {
            subscriptions.leaveAll(index);
        }
        return done(w.text("page.unsubscribedAll", site));
    }

    private Page done(String sentence) {
        return page(200, words().text("page.doneTitle"), "<p id=\"mail-link-done\">" + MailText.escape(sentence) + "</p>");
    }

    private static String form(String action, String hidden, String id, String scope, String label) {
        return "<form method=\"post\" action=\"" + MailText.escape(action) + "\">" + hidden
                + (scope == null ? "" : "<input type=\"hidden\" name=\"scope\" value=\"" + scope + "\">")
                + "<p><button type=\"submit\" id=\"" + id + "\" class=\"submit\">" + MailText.escape(label) + "</button></p></form>";
    }

    private Page page(int status, String title, String body) {
        String site = MailText.escape(settings.siteName());
        return new Page(status, "<!DOCTYPE html>\n<html lang=\"" + texts.siteLocale().getLanguage() + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + MailText.escape(title) + " \u00b7 " + site
                + "</title><link rel=\"stylesheet\" href=\"/static/moderato.css\"></head><body><header class=\"site-header\">"
                + "<a class=\"site-title\" href=\"/\">" + site + "</a></header><main id=\"main\" class=\"content\"><h1>" + MailText.escape(title)
                + "</h1>" + body + "</main></body></html>");
    }
}
