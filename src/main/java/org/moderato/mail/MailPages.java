package org.moderato.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import org.moderato.platform.MailSettings;

/**
 * The small pages the links in messages lead to: what the link would do, with its button; and what was
 * done. Their sentences are in {@link MailText}.
 */
@ApplicationScoped
public class MailPages {

    /** A page to answer with. */
    public record Page(int status, String html) {}

    @Inject
    Subscriptions subscriptions;

    @Inject
    MailSettings settings;

    public Page invalid() {
        return page(400, "Link not valid", "<p id=\"mail-link-invalid\">" + MailText.escape(MailText.PAGE_INVALID) + "</p>");
    }

    /** The GET: says what the link does and offers the button; changes nothing. */
    public Page ask(MailLinks.Request request, String action, String token) {
        String site = settings.siteName();
        String hidden = "<input type=\"hidden\" name=\"t\" value=\"" + MailText.escape(token) + "\">";
        if (request instanceof MailLinks.Confirm confirm) {
            Optional<String> title = subscriptions.titleOf(confirm.subscriptionId());
            if (title.isEmpty()) {
                return invalid();
            }
            return page(200, "Confirm your notifications", "<p>" + MailText.escape(MailText.PAGE_CONFIRM_ASK.formatted(title.get())) + "</p>"
                    + form(action, hidden, "confirm", null, MailText.PAGE_CONFIRM_BUTTON));
        }
        String body = "<p>" + MailText.escape(MailText.PAGE_UNSUBSCRIBE_ASK.formatted(site)) + "</p>";
        if (request instanceof MailLinks.LeaveThread leave) {
            Optional<String> title = subscriptions.titleOf(leave.subscriptionId());
            if (title.isPresent()) {
                body += form(action, hidden, "unsubscribe-thread", "thread", MailText.PAGE_UNSUBSCRIBE_THREAD_BUTTON.formatted(title.get()));
            }
        }
        body += form(action, hidden, "unsubscribe-all", "all", MailText.PAGE_UNSUBSCRIBE_ALL_BUTTON.formatted(site));
        return page(200, "Unsubscribe", body);
    }

    /** The POST: does what the link says ({@code all}: the button "stop all mail" was pressed) and says what was done. */
    public Page act(MailLinks.Request request, boolean all) {
        String site = settings.siteName();
        if (request instanceof MailLinks.Confirm confirm) {
            return subscriptions.confirm(confirm.subscriptionId(), Instant.now())
                    .map(title -> done(MailText.PAGE_CONFIRMED.formatted(title)))
                    .orElseGet(this::invalid);
        }
        if (request instanceof MailLinks.LeaveThread leave && !all) {
            Optional<String> title = subscriptions.leaveThread(leave.subscriptionId());
            // an unsubscribe that was done before is done: the page says so again
            return done(MailText.PAGE_UNSUBSCRIBED_THREAD.formatted(title.orElse("this article")));
        }
        String index = request instanceof MailLinks.LeaveAll leaveAll ? leaveAll.emailIndex()
                : subscriptions.indexOf(((MailLinks.LeaveThread) request).subscriptionId()).orElse(null);
        if (index != null) {
            subscriptions.leaveAll(index);
        }
        return done(MailText.PAGE_UNSUBSCRIBED_ALL.formatted(site));
    }

    private Page done(String sentence) {
        return page(200, "Done", "<p id=\"mail-link-done\">" + MailText.escape(sentence) + "</p>");
    }

    private static String form(String action, String hidden, String id, String scope, String label) {
        return "<form method=\"post\" action=\"" + MailText.escape(action) + "\">" + hidden
                + (scope == null ? "" : "<input type=\"hidden\" name=\"scope\" value=\"" + scope + "\">")
                + "<p><button type=\"submit\" id=\"" + id + "\" class=\"submit\">" + MailText.escape(label) + "</button></p></form>";
    }

    private Page page(int status, String title, String body) {
        String site = MailText.escape(settings.siteName());
        return new Page(status, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + MailText.escape(title) + " \u00b7 " + site
                + "</title><link rel=\"stylesheet\" href=\"/static/moderato.css\"></head><body><header class=\"site-header\">"
                + "<a class=\"site-title\" href=\"/\">" + site + "</a></header><main id=\"main\" class=\"content\"><h1>" + MailText.escape(title)
                + "</h1>" + body + "</main></body></html>");
    }
}
