package org.moderato.article.web;

import java.util.Locale;
import org.moderato.comment.PublicComment;
import org.moderato.platform.Html;
import org.moderato.platform.ReaderTexts;

/**
 * One comment's body on the article page, as WordPress's {@code Walker_Comment::html5_comment} writes it;
 * the {@code li} around it is {@link ThreadMarkup}'s. Written here, not by a Facelets template: the
 * template's EL cost about 0.8 ms of CPU per comment, and the words that are the same for every comment
 * are looked up once per page here.
 *
 * <p>The markup is what the template it replaced (comment.xhtml with avatar.xhtml) wrote through
 * Mojarra 4.0: the same elements, attributes in the same order, and the template's indentation where
 * Facelets kept it (it keeps whitespace before an element and drops whitespace alone before a
 * {@code ui:} tag); an attribute whose value is empty is left out, as Facelets leaves it out. Every
 * value is escaped by {@link Html} except the body, which is safe HTML already
 * ({@link PublicComment#bodyHtml}); unlike Mojarra, this writes {@code "} in text as {@code &quot;}.
 */
public final class CommentHtml {

    /** What the template read from the page around a comment: {@code articlePage}'s links and {@code avatars.url}. */
    public interface Links {
        String avatar(Long commentId);

        String permalink(long commentId);

        String reply(long commentId);
    }

    private final ReaderTexts texts;
    private final Locale locale;
    private final Replies replies;
    private final Links links;
    private final String reportHref;
    private final String langParam;
    private final boolean commentsOpen;
    private final int threadDepth;
    /** The bundle's words ({@code words['comment.says']}...), escaped once. */
    private final String says;
    private final String staff;
    private final String report;
    private final String preview;
    private final String reply;

    /**
     * @param locale the page's language ({@code texts.locale}, the view's)
     * @param langQuery {@code texts.langQuery}: "?lang=de" or ""
     * @param commentsOpen {@code articlePage.commentsOpen}, decided once for the page
     * @param threadDepth {@code articlePage.threadDepth}: a comment at this depth gets no reply link
     */
    public CommentHtml(ReaderTexts texts, Locale locale, String contextPath, String langQuery, Replies replies, Links links,
                       boolean commentsOpen, int threadDepth) {
        this.texts = texts;
        this.locale = locale;
        this.replies = replies;
        this.links = links;
        this.reportHref = contextPath + "/report?comment=";
        // the report link's own query comes first: the language is a second parameter
        this.langParam = langQuery.replace("?", "&");
        this.commentsOpen = commentsOpen;
        this.threadDepth = threadDepth;
        this.says = word("comment.says");
        this.staff = word("comment.staff");
        this.report = word("comment.report");
        this.preview = word("comment.preview");
        this.reply = word("comment.reply");
    }

    private String word(String key) {
        return Html.escape(texts.text(locale, key));
    }

    /** The body of one comment, from {@code <article>} to {@code </article>}. */
    public String body(ThreadMarkup.Item s) {
        return append(new StringBuilder(2048), s).toString();
    }

    public StringBuilder append(StringBuilder out, ThreadMarkup.Item s) {
        PublicComment comment = s.comment();
        Long id = comment.id();
        String name = comment.authorName();
        out.append("\n  \n    <article id=\"div-comment-").append(id).append("\" class=\"comment-body\"");
        attribute(out, "aria-label", texts.text(locale, "comment.by", name));
        out.append(">\n      <footer class=\"comment-meta\">\n        <div class=\"comment-author vcard\">");
        // the avatar: an identicon from a keyed HMAC of the author's blind index, never a hash of the address
        out.append("\n  \n  <img class=\"avatar\"");
        attribute(out, "src", links.avatar(id));
        out.append(" alt=\"\" width=\"40\" height=\"40\" />");
        String website = comment.website();
        if (website == null || website.isEmpty()) {
            Html.append(out.append("<b class=\"fn\">"), name).append("</b>");
        } else {
            out.append("<b class=\"fn\"><a");
            attribute(out, "href", website);
            Html.append(out.append(" rel=\"external nofollow ugc noopener\" class=\"url\">"), name).append("</a></b>");
        }
        out.append("\n          <span class=\"says\">").append(says).append("</span>");
        if (comment.staff()) {
            out.append(" <span class=\"comment-staff\">").append(staff).append("</span>");
        }
        out.append("\n        </div>\n        <div class=\"comment-metadata\">\n          <a class=\"comment-permalink\"");
        attribute(out, "href", links.permalink(id));
        out.append("><time");
        attribute(out, "datetime", replies.iso(comment.createdAt()));
        Html.append(out.append('>'), texts.dateTime(locale, comment.createdAt())).append("</time></a>");
        if (!s.pending()) {
            // report.web.ReportPage, a plain page (no JavaScript needed); where WordPress puts its "Edit" link
            out.append(" <span class=\"report-link\"><a rel=\"nofollow\" class=\"comment-report-link\"");
            attribute(out, "href", reportHref + id + langParam);
            attribute(out, "aria-label", texts.text(locale, "comment.reportLabel", name));
            out.append('>').append(report).append("</a></span>");
        }
        out.append("\n        </div>");
        if (s.pending()) {
            out.append("\n          <p class=\"comment-awaiting-moderation\">").append(preview).append("</p>");
        }
        out.append("\n      </footer>\n      <div class=\"comment-content\">").append(comment.bodyHtml()).append("</div>");
        if (!s.pending() && commentsOpen && s.depth() < threadDepth) {
            out.append("\n        <div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\"");
            attribute(out, "href", links.reply(id));
            attribute(out, "data-commentid", String.valueOf(id));
            attribute(out, "data-author", name);
            attribute(out, "aria-label", texts.text(locale, "comment.replyTo", name));
            out.append('>').append(reply).append("</a></div>");
        }
        return out.append("\n    </article>");
    }

    /** As Facelets writes an attribute with an expression: left out when the value is null or empty. */
    private static void attribute(StringBuilder out, String name, String value) {
        if (value != null && !value.isEmpty()) {
            Html.append(out.append(' ').append(name).append("=\""), value).append('"');
        }
    }
}
