package org.moderato.mail;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.jsoup.Jsoup;
import org.moderato.comment.CommentText;
import org.moderato.platform.AddressScrub;
import org.moderato.platform.ReaderTexts;

/**
 * The rendering of both bodies of every message: the text part as plain text, the HTML part escaped
 * except for the comment itself, which is the page's sanitised HTML. Readers' messages say what the mail
 * bundle ({@code org/moderato/i18n/Mail*.properties}) says in the site's language; the staff's alerts
 * and digests are English, as the staff pages are.
 */
final class MailText {

    static final int EXCERPT_MAX = 3000;

    private MailText() {}

    /** A rendered pair of bodies. */
    record Bodies(String text, String html) {}

    /**
     * The mail bundle in one language: {@link #text} for subjects and text parts, {@link #html} for the
     * HTML part (the bundle's sentence escaped, its arguments given as HTML already).
     */
    record Words(ResourceBundle bundle, Locale locale) {

        static Words in(Locale locale) {
            return new Words(ReaderTexts.bundle(ReaderTexts.MAIL_BUNDLE, locale), locale);
        }

        String text(String key, Object... args) {
            return ReaderTexts.format(bundle.getString(key), locale, args);
        }

        String html(String key, String... htmlArgs) {
            return ReaderTexts.format(escape(bundle.getString(key)), locale, (Object[]) htmlArgs);
        }
    }

    // ---- readers, in the site's language

    static String confirmSubject(Locale locale, String site) {
        return Words.in(locale).text("mail.confirm.subject", site);
    }

    static Bodies confirm(Locale locale, String site, String title, String confirmUrl) {
        Words w = Words.in(locale);
        String text = w.text("mail.confirm.asked", site, title) + "\n\n"
                + w.text("mail.confirm.open") + "\n" + confirmUrl + "\n\n"
                + w.text("mail.confirm.ignore") + "\n";
        String html = paragraph(w.html("mail.confirm.asked", escape(site), escape(title)))
                + paragraph("<a href=\"" + escape(confirmUrl) + "\">" + w.html("mail.confirm.button") + "</a>")
                + paragraph(w.html("mail.confirm.ignore"));
        return new Bodies(text, page(locale, site, html));
    }

    static String notifySubject(Locale locale, String site, String title, boolean reply) {
        return Words.in(locale).text(reply ? "mail.notify.subjectReply" : "mail.notify.subject", site, title);
    }

    static Bodies notify(Locale locale, String site, String title, String author, String commentBody, String commentUrl,
                         boolean replyToTheirs, String unsubscribeThread, String unsubscribeAll) {
        Words w = Words.in(locale);
        String intro = replyToTheirs ? "mail.notify.replied" : "mail.notify.wrote";
        String text = w.text(intro, author, title) + "\n\n" + excerptText(commentBody) + "\n\n"
                + w.text("mail.notify.readAt", commentUrl) + "\n\n-- \n" + w.text("mail.notify.why") + "\n"
                + footerText(w, site, unsubscribeThread, unsubscribeAll);
        String html = paragraph(w.html(intro, "<strong>" + escape(author) + "</strong>", escape(title)))
                + "<blockquote>" + CommentText.toHtml(excerptSource(commentBody)) + "</blockquote>"
                + paragraph("<a href=\"" + escape(commentUrl) + "\">" + w.html("mail.notify.read") + "</a>")
                + footer(w, w.html("mail.notify.why"), site, unsubscribeThread, unsubscribeAll);
        return new Bodies(text, page(locale, site, html));
    }

    static String approvedSubject(Locale locale, String site, String title) {
        return Words.in(locale).text("mail.approved.subject", site, title);
    }

    static Bodies approved(Locale locale, String site, String title, String commentUrl, String unsubscribeThread, String unsubscribeAll) {
        Words w = Words.in(locale);
        String text = w.text("mail.approved.text", title) + "\n" + commentUrl + "\n\n-- \n" + w.text("mail.approved.why") + "\n"
                + footerText(w, site, unsubscribeThread, unsubscribeAll);
        String html = paragraph(w.html("mail.approved.html", escape(title)))
                + paragraph("<a href=\"" + escape(commentUrl) + "\">" + w.html("mail.approved.see") + "</a>")
                + footer(w, w.html("mail.approved.why"), site, unsubscribeThread, unsubscribeAll);
        return new Bodies(text, page(locale, site, html));
    }

    // ---- notice and action (DSA): to notifiers and to the author of a removed comment

    static String noticeSubject(Locale locale, String site) {
        return Words.in(locale).text("mail.notice.subject", site);
    }

    static Bodies notice(Locale locale, String site, String title, String acknowledgementUrl) {
        Words w = Words.in(locale);
        return linkToAPage(locale, w, site, title, acknowledgementUrl, "mail.notice", w.html("mail.notice.follow"), "");
    }

    static String decisionSubject(Locale locale, String site) {
        return Words.in(locale).text("mail.decision.subject", site);
    }

    /** {@code outcome}: the decision's key ("removed", "spam"). */
    static Bodies decision(Locale locale, String site, String title, String outcome) {
        Words w = Words.in(locale);
        String done = w.text("mail.outcome." + outcome);
        String text = w.text("mail.decision.body", title, done) + "\n\n-- \n" + w.text("mail.notice.why", site) + "\n";
        String html = paragraph(w.html("mail.decision.body", escape(title), escape(done)))
                + paragraph("<small>" + w.html("mail.notice.why", escape(site)) + "</small>");
        return new Bodies(text, page(locale, site, html));
    }

    static String statementSubject(Locale locale, String site) {
        return Words.in(locale).text("mail.statement.subject", site);
    }

    static Bodies statement(Locale locale, String site, String title, String statementUrl) {
        Words w = Words.in(locale);
        return linkToAPage(locale, w, site, title, statementUrl, "mail.statement", w.html("mail.statement.read"),
                " " + w.html("mail.statement.what"));
    }

    /**
     * A message of the notice-and-action flow that points to one page: {@code keys + ".text"/".html"} say what it
     * is about, the link follows with {@code linkHtml} as its words (and {@code afterLinkHtml} after it, in the
     * HTML part), {@code keys + ".why"} says why it was sent.
     */
    private static Bodies linkToAPage(Locale locale, Words w, String site, String title, String url, String keys,
                                      String linkHtml, String afterLinkHtml) {
        String text = w.text(keys + ".text", title) + "\n" + url + "\n\n-- \n" + w.text(keys + ".why", site) + "\n";
        String html = paragraph(w.html(keys + ".html", escape(title)))
                + paragraph("<a href=\"" + escape(url) + "\">" + linkHtml + "</a>" + afterLinkHtml)
                + paragraph("<small>" + w.html(keys + ".why", escape(site)) + "</small>");
        return new Bodies(text, page(locale, site, html));
    }

    private static String footerText(Words w, String site, String unsubscribeThread, String unsubscribeAll) {
        return w.text("mail.stopThreadAt", unsubscribeThread) + "\n" + w.text("mail.stopAllAt", site, unsubscribeAll) + "\n";
    }

    private static String footer(Words w, String whyHtml, String site, String unsubscribeThread, String unsubscribeAll) {
        return "<hr>" + paragraph("<small>" + whyHtml + " <a href=\"" + escape(unsubscribeThread) + "\">" + w.html("mail.stopThread")
                + "</a> &#183; <a href=\"" + escape(unsubscribeAll) + "\">" + w.html("mail.stopAll", escape(site)) + "</a></small>");
    }

    // ---- staff

    static String heldSubject(String site, String title) {
        return "[" + site + "] A comment is waiting for moderation on \"" + title + "\"";
    }

    /** Never the commenter's address, not even masked: addresses in the name, reason or text are blanked. */
    static Bodies held(String site, String title, String author, String reason, String commentBody, String reviewUrl, String settingsUrl) {
        return staffAlert(site, title, author, "is waiting for moderation", reason == null || reason.isBlank() ? "held for moderation" : reason,
                commentBody, reviewUrl, settingsUrl);
    }

    static String reportedSubject(String site, String title) {
        return "[" + site + "] A comment was reported on \"" + title + "\"";
    }

    /** A reader's report, without the reader: the reason and how many reports are open. */
    static Bodies reported(String site, String title, String author, String reason, long openReports, String commentBody, String reviewUrl,
                           String settingsUrl) {
        return staffAlert(site, title, author, "was reported by a reader", "reported as " + reason + " (" + openReports
                + (openReports == 1 ? " open report)" : " open reports)"), commentBody, reviewUrl, settingsUrl);
    }

    private static Bodies staffAlert(String site, String title, String author, String happened, String reason, String commentBody,
                                     String reviewUrl, String settingsUrl) {
        String who = withoutAddresses(author == null ? "Anonymous" : author);
        String why = withoutAddresses(reason);
        String excerpt = withoutAddresses(excerptText(commentBody));
        String text = "A comment by " + who + " on \"" + title + "\" " + happened + ".\nWhy: " + why + "\n\n"
                + excerpt + "\n\nReview it: " + reviewUrl + "\n\n-- \nYou get this because of your email preference: " + settingsUrl + "\n";
        String html = paragraph("A comment by <strong>" + escape(who) + "</strong> on &#8220;" + escape(title) + "&#8221; " + escape(happened) + ".")
                + paragraph("Why: " + escape(why))
                + "<blockquote>" + escape(excerpt).replace("\n", "<br>") + "</blockquote>"
                + paragraph("<a href=\"" + escape(reviewUrl) + "\">Review it</a>")
                + paragraph("<small>You get this because of your <a href=\"" + escape(settingsUrl) + "\">email preference</a>.</small>");
        return new Bodies(text, page(Locale.ENGLISH, site, html));
    }

    /** One held comment in a digest. */
    record HeldLine(String title, String author, String reason, String reviewUrl) {}

    static String digestSubject(String site, int count) {
        return "[" + site + "] " + count + (count == 1 ? " comment is" : " comments are") + " waiting for moderation";
    }

    static Bodies digest(String site, List<HeldLine> lines, int more, String queueUrl, String settingsUrl) {
        StringBuilder text = new StringBuilder("Held for moderation since the last digest:\n\n");
        StringBuilder html = new StringBuilder(paragraph("Held for moderation since the last digest:")).append("<ul>");
        for (HeldLine line : lines) {
            String who = withoutAddresses(line.author() == null ? "Anonymous" : line.author());
            String why = withoutAddresses(line.reason() == null ? "" : line.reason());
            text.append("- ").append(who).append(" on \"").append(line.title()).append("\" (").append(why).append(")\n  ")
                    .append(line.reviewUrl()).append('\n');
            html.append("<li><a href=\"").append(escape(line.reviewUrl())).append("\">").append(escape(who)).append(" on &#8220;")
                    .append(escape(line.title())).append("&#8221;</a> (").append(escape(why)).append(")</li>");
        }
        html.append("</ul>");
        if (more > 0) {
            text.append("\nand ").append(more).append(" more.\n");
            html.append(paragraph("and " + more + " more."));
        }
        text.append("\nThe queue: ").append(queueUrl).append("\n\n-- \nYou get this because of your email preference: ")
                .append(settingsUrl).append('\n');
        html.append(paragraph("<a href=\"" + escape(queueUrl) + "\">Open the queue</a>"))
                .append(paragraph("<small>You get this because of your <a href=\"" + escape(settingsUrl) + "\">email preference</a>.</small>"));
        return new Bodies(text.toString(), page(Locale.ENGLISH, site, html.toString()));
    }

    // ---- helpers

    static String withoutAddresses(String text) {
        return AddressScrub.withoutEmails(text);
    }

    static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        String clean = withoutAddresses(text);
        return clean.length() <= max ? clean : clean.substring(0, max - 1) + "\u2026";
    }

    private static String excerptSource(String body) {
        return body.length() <= EXCERPT_MAX ? body : body.substring(0, EXCERPT_MAX) + "\u2026";
    }

    private static String excerptText(String body) {
        if (body == null) {
            return "";
        }
        String text = Jsoup.parse(CommentText.toHtml(excerptSource(body))).wholeText().strip();
        return text.replaceAll("\n{3,}", "\n\n");
    }

    private static String paragraph(String html) {
        return "<p>" + html + "</p>";
    }

    private static String page(Locale locale, String site, String body) {
        return "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"><title>" + escape(site) + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em\">" + body + "</body></html>";
    }

    /** Not platform.Html's: this one writes {@code '} as {@code &#39;} too, and mails and their link pages have always had it so. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
