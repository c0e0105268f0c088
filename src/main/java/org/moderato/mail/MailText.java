package org.moderato.mail;

import java.util.List;
import org.jsoup.Jsoup;
import org.moderato.comment.CommentText;
import org.moderato.platform.AddressScrub;

/**
 * Every sentence a message or a mail page says, in one place (for a later move to resource bundles),
 * and the rendering of both bodies: the text part as plain text, the HTML part escaped except for the
 * comment itself, which is the page's sanitised HTML.
 */
final class MailText {

    static final int EXCERPT_MAX = 3000;

    private MailText() {}

    /** A rendered pair of bodies. */
    record Bodies(String text, String html) {}

    // ---- readers

    static String confirmSubject(String site) {
        return "[" + site + "] Please confirm your email notifications";
    }

    static Bodies confirm(String site, String title, String confirmUrl) {
        String text = "Someone, hopefully you, asked " + site + " to email this address about new comments on \"" + title + "\".\n\n"
                + "To confirm, open this link:\n" + confirmUrl + "\n\n"
                + "If it was not you, ignore this message: nothing else will be sent to this address unless it is confirmed.\n";
        String html = paragraph("Someone, hopefully you, asked " + escape(site) + " to email this address about new comments on &#8220;"
                + escape(title) + "&#8221;.")
                + paragraph("<a href=\"" + escape(confirmUrl) + "\">Confirm the notifications</a>")
                + paragraph("If it was not you, ignore this message: nothing else will be sent to this address unless it is confirmed.");
        return new Bodies(text, page(site, html));
    }

    static String notifySubject(String site, String title, boolean reply) {
        return "[" + site + "] " + (reply ? "New reply to your comment on \"" : "New comment on \"") + title + "\"";
    }

    static Bodies notify(String site, String title, String author, String commentBody, String commentUrl, boolean replyToTheirs,
                         String unsubscribeThread, String unsubscribeAll) {
        String why = "You get this because you asked for email about new comments on this article.";
        String intro = replyToTheirs ? " replied to your comment on \"" : " wrote on \"";
        String text = author + intro + title + "\":\n\n" + excerptText(commentBody) + "\n\n"
                + "Read it and reply: " + commentUrl + "\n\n-- \n" + why + "\n"
                + "Stop mail about this article: " + unsubscribeThread + "\n"
                + "Stop all mail from " + site + ": " + unsubscribeAll + "\n";
        String html = paragraph("<strong>" + escape(author) + "</strong>" + (replyToTheirs ? " replied to your comment on" : " wrote on")
                + " &#8220;" + escape(title) + "&#8221;:")
                + "<blockquote>" + CommentText.toHtml(excerptSource(commentBody)) + "</blockquote>"
                + paragraph("<a href=\"" + escape(commentUrl) + "\">Read it and reply</a>")
                + footer(why, site, unsubscribeThread, unsubscribeAll);
        return new Bodies(text, page(site, html));
    }

    static String approvedSubject(String site, String title) {
        return "[" + site + "] Your comment on \"" + title + "\" was approved";
    }

    static Bodies approved(String site, String title, String commentUrl, String unsubscribeThread, String unsubscribeAll) {
        String why = "You get this because you asked for email about your comment.";
        String text = "Your comment on \"" + title + "\" was approved and is now published:\n" + commentUrl + "\n\n-- \n" + why + "\n"
                + "Stop mail about this article: " + unsubscribeThread + "\n"
                + "Stop all mail from " + site + ": " + unsubscribeAll + "\n";
        String html = paragraph("Your comment on &#8220;" + escape(title) + "&#8221; was approved and is now published.")
                + paragraph("<a href=\"" + escape(commentUrl) + "\">See it on the page</a>")
                + footer(why, site, unsubscribeThread, unsubscribeAll);
        return new Bodies(text, page(site, html));
    }

    // ---- notice and action (DSA): to notifiers and to the author of a removed comment

    static String noticeSubject(String site) {
        return "[" + site + "] We received your notice";
    }

    static Bodies notice(String site, String title, String acknowledgementUrl) {
        String text = "We received your notice of illegal content about a comment on \"" + title + "\". A moderator will look at it"
                + " and decide; you can follow it here:\n" + acknowledgementUrl + "\n\n-- \nYou get this because you gave this address"
                + " with your notice on " + site + ".\n";
        String html = paragraph("We received your notice of illegal content about a comment on &#8220;" + escape(title)
                + "&#8221;. A moderator will look at it and decide.")
                + paragraph("<a href=\"" + escape(acknowledgementUrl) + "\">Follow your notice</a>")
                + paragraph("<small>You get this because you gave this address with your notice on " + escape(site) + ".</small>");
        return new Bodies(text, page(site, html));
    }

    static String decisionSubject(String site) {
        return "[" + site + "] The decision on your notice";
    }

    static Bodies decision(String site, String title, String outcome) {
        String text = "A moderator decided on the comment on \"" + title + "\" that you notified us of: " + outcome + ".\n\n-- \n"
                + "You get this because you gave this address with your notice on " + site + ".\n";
        String html = paragraph("A moderator decided on the comment on &#8220;" + escape(title) + "&#8221; that you notified us of: "
                + escape(outcome) + ".")
                + paragraph("<small>You get this because you gave this address with your notice on " + escape(site) + ".</small>");
        return new Bodies(text, page(site, html));
    }

    static String statementSubject(String site) {
        return "[" + site + "] Your comment was removed: the statement of reasons";
    }

    static Bodies statement(String site, String title, String statementUrl) {
        String text = "Your comment on \"" + title + "\" was removed after a report. The statement of reasons says what was decided,"
                + " on what grounds, and how you can contest it:\n" + statementUrl + "\n\n-- \nYou get this because your comment on "
                + site + " was removed.\n";
        String html = paragraph("Your comment on &#8220;" + escape(title) + "&#8221; was removed after a report.")
                + paragraph("<a href=\"" + escape(statementUrl) + "\">Read the statement of reasons</a> (what was decided, on what"
                + " grounds, and how you can contest it)")
                + paragraph("<small>You get this because your comment on " + escape(site) + " was removed.</small>");
        return new Bodies(text, page(site, html));
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
        return new Bodies(text, page(site, html));
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
        return new Bodies(text.toString(), page(site, html.toString()));
    }

    // ---- the pages of the links (confirm, unsubscribe)

    static final String PAGE_INVALID = "This link is not valid, or it has expired. Nothing was changed.";
    static final String PAGE_CONFIRM_ASK = "Confirm that you want email about new comments on \u201c%s\u201d.";
    static final String PAGE_CONFIRM_BUTTON = "Confirm";
    static final String PAGE_CONFIRMED = "Thank you: your address is confirmed. You will get email about new comments on \u201c%s\u201d.";
    static final String PAGE_UNSUBSCRIBE_ASK = "Stop email from %s?";
    static final String PAGE_UNSUBSCRIBE_THREAD_BUTTON = "Stop mail about \u201c%s\u201d";
    static final String PAGE_UNSUBSCRIBE_ALL_BUTTON = "Stop all mail from %s";
    static final String PAGE_UNSUBSCRIBED_THREAD = "Done: you will get no more email about \u201c%s\u201d.";
    static final String PAGE_UNSUBSCRIBED_ALL = "Done: you will get no more email from %s.";

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

    private static String footer(String why, String site, String unsubscribeThread, String unsubscribeAll) {
        return "<hr>" + paragraph("<small>" + escape(why) + " <a href=\"" + escape(unsubscribeThread) + "\">Stop mail about this article</a> &#183; "
                + "<a href=\"" + escape(unsubscribeAll) + "\">Stop all mail from " + escape(site) + "</a></small>");
    }

    private static String paragraph(String html) {
        return "<p>" + html + "</p>";
    }

    private static String page(String site, String body) {
        return "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + escape(site) + "</title></head>"
                + "<body style=\"font-family:sans-serif;max-width:40em\">" + body + "</body></html>";
    }

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
