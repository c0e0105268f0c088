package org.moderato.article.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.moderato.comment.PublicComment;
import org.moderato.platform.ReaderTexts;

/** One comment's body as comment.xhtml (with avatar.xhtml) wrote it through Mojarra. */
class CommentHtmlTest {

    private static final Instant CREATED = Instant.parse("2026-12-02T09:05:00Z");
    private static final int THREAD_DEPTH = 3;
    private static final String HOSTILE = "<script>&\"'";

    private final ReaderTexts texts = new ReaderTexts();

    /** What articlePage and avatars answer on a one-page article at the site's root. */
    private static final CommentHtml.Links LINKS = new CommentHtml.Links() {
        @Override
        public String avatar(Long commentId) {
            return "/avatars/" + (commentId == 7 ? "0123456789abcdef0123456789abcdef" : "anonymous") + ".svg";
        }

        @Override
        public String permalink(long commentId) {
            return "#comment-" + commentId;
        }

        @Override
        public String reply(long commentId) {
            return "/articles/hello?replytocom=" + commentId + "#respond";
        }
    };

    private CommentHtml english(boolean commentsOpen) {
        return new CommentHtml(texts, Locale.ENGLISH, "", "", new Replies(), LINKS, commentsOpen, THREAD_DEPTH);
    }

    private static ThreadMarkup.Item item(String name, String website, boolean staff, int depth, boolean pending) {
        return new ThreadMarkup.Item("<li>", new PublicComment(7L, null, name, website, "Nice post.", CREATED, staff), depth, pending);
    }

    private static ThreadMarkup.Item ann() {
        return item("Ann", null, false, 1, false);
    }

    @Test
    void anApprovedCommentIsWrittenAsTheTemplateWroteIt() {
        String expected = "\n  \n    <article id=\"div-comment-7\" class=\"comment-body\" aria-label=\"Comment by Ann\">"
                + "\n      <footer class=\"comment-meta\">"
                + "\n        <div class=\"comment-author vcard\">"
                + "\n  \n  <img class=\"avatar\" src=\"/avatars/0123456789abcdef0123456789abcdef.svg\" alt=\"\" width=\"40\" height=\"40\" />"
                + "<b class=\"fn\">Ann</b>"
                + "\n          <span class=\"says\">says:</span>"
                + "\n        </div>"
                + "\n        <div class=\"comment-metadata\">"
                + "\n          <a class=\"comment-permalink\" href=\"#comment-7\"><time datetime=\"2026-12-02T09:05:00Z\">"
                + texts.dateTime(Locale.ENGLISH, CREATED) + "</time></a>"
                + " <span class=\"report-link\"><a rel=\"nofollow\" class=\"comment-report-link\" href=\"/report?comment=7\""
                + " aria-label=\"Report the comment by Ann\">Report</a></span>"
                + "\n        </div>"
                + "\n      </footer>"
                + "\n      <div class=\"comment-content\"><p>Nice post.</p></div>"
                + "\n        <div class=\"reply\"><a rel=\"nofollow\" class=\"comment-reply-link\" href=\"/articles/hello?replytocom=7#respond\""
                + " data-commentid=\"7\" data-author=\"Ann\" aria-label=\"Reply to Ann\">Reply</a></div>"
                + "\n    </article>";
        assertEquals(expected, english(true).body(ann()));
        assertEquals("December 2, 2026, 9:05 AM UTC", texts.dateTime(Locale.ENGLISH, CREATED), "Java 17's English date");
    }

    @Test
    void appendAddsTheBodyAfterWhatIsWritten() {
        StringBuilder out = new StringBuilder("<li>");
        english(true).append(out, ann());
        assertEquals("<li>" + english(true).body(ann()), out.toString());
    }

    @Test
    void aWebsiteMakesTheNameALink() {
        String html = english(true).body(item("Ann", "https://ann.example/?a=1&b=2", false, 1, false));
        assertTrue(html.contains("<b class=\"fn\"><a href=\"https://ann.example/?a=1&amp;b=2\" rel=\"external nofollow ugc noopener\" class=\"url\">Ann</a></b>"
                + "\n          <span class=\"says\">"), html);
        assertFalse(english(true).body(item("Ann", "", false, 1, false)).contains("class=\"url\""), "an empty website is none");
    }

    @Test
    void aHostileNameIsEscapedInTextAndInEveryAttribute() {
        String html = english(true).body(item(HOSTILE, "https://x.example/\"><script>", false, 1, false));
        String escaped = "&lt;script&gt;&amp;&quot;'";
        assertTrue(html.contains("aria-label=\"Comment by " + escaped + "\""), html);
        assertTrue(html.contains("class=\"url\">" + escaped + "</a></b>"), html);
        assertTrue(html.contains("href=\"https://x.example/&quot;&gt;&lt;script&gt;\""), html);
        assertTrue(html.contains("aria-label=\"Report the comment by " + escaped + "\""), html);
        assertTrue(html.contains("data-author=\"" + escaped + "\" aria-label=\"Reply to " + escaped + "\""), html);
        assertFalse(html.contains("<script"), html);
        // read back as a browser reads it: the name whole, in each place
        Element article = Jsoup.parseBodyFragment(html).selectFirst("article");
        assertEquals("Comment by " + HOSTILE, article.attr("aria-label"));
        assertEquals(HOSTILE, article.selectFirst("b.fn").text());
        assertEquals(HOSTILE, article.selectFirst(".comment-reply-link").attr("data-author"));
    }

    @Test
    void aPendingCommentHasThePreviewNoticeAndNeitherReportNorReplyLink() {
        String html = english(true).body(item("Ann", null, false, 1, true));
        assertTrue(html.contains("</time></a>\n        </div>\n          <p class=\"comment-awaiting-moderation\">"
                + "Your comment is awaiting moderation. This is a preview; your comment will be visible after it has been approved.</p>"
                + "\n      </footer>"), html);
        assertFalse(html.contains("report-link"), html);
        assertTrue(html.endsWith("<div class=\"comment-content\"><p>Nice post.</p></div>\n    </article>"), html);
        assertFalse(english(true).body(ann()).contains("comment-awaiting-moderation"));
    }

    @Test
    void aStaffReplyIsMarked() {
        assertTrue(english(true).body(item("Editor", null, true, 2, false))
                .contains("<span class=\"says\">says:</span> <span class=\"comment-staff\">Staff</span>\n        </div>"));
        assertFalse(english(true).body(ann()).contains("comment-staff"));
    }

    @Test
    void aCommentAtTheThreadDepthHasNoReplyLink() {
        assertTrue(english(true).body(item("Ann", null, false, THREAD_DEPTH - 1, false)).contains("comment-reply-link"));
        String deepest = english(true).body(item("Ann", null, false, THREAD_DEPTH, false));
        assertFalse(deepest.contains("class=\"reply\""), deepest);
        assertTrue(deepest.endsWith("<p>Nice post.</p></div>\n    </article>"), deepest);
    }

    @Test
    void closedCommentsHaveNoReplyLinkButStillAReportLink() {
        String html = english(false).body(ann());
        assertFalse(html.contains("class=\"reply\""), html);
        assertTrue(html.contains("class=\"comment-report-link\""), html);
    }

    @Test
    void theReportLinkKeepsTheLanguageAndThePageItsWords() {
        CommentHtml german = new CommentHtml(texts, Locale.GERMAN, "/blog", "?lang=de", new Replies(), LINKS, true, THREAD_DEPTH);
        String html = german.body(ann());
        assertTrue(html.contains("href=\"/blog/report?comment=7&amp;lang=de\" aria-label=\"Den Kommentar von Ann melden\">Melden</a>"), html);
        assertTrue(html.contains("aria-label=\"Kommentar von Ann\""), html);
        assertTrue(html.contains("<span class=\"says\">sagt:</span>"), html);
        assertTrue(html.contains("aria-label=\"Auf Ann antworten\">Antworten</a>"), html);
        assertTrue(html.contains(">" + texts.dateTime(Locale.GERMAN, CREATED) + "</time>"), html);
    }

    @Test
    void anEmptyValueLeavesItsAttributeOut() {
        // Facelets writes no attribute whose expression is empty
        String html = english(true).body(item("", null, false, 1, false));
        assertTrue(html.contains("data-commentid=\"7\" aria-label=\"Reply to \">"), html);
    }

    @Test
    void theBodyIsTheCommentsSafeHtmlAsItIs() {
        PublicComment comment = new PublicComment(8L, null, "Bo", null, "Hi <b>there</b> <script>x</script>", CREATED, false);
        String html = english(true).body(new ThreadMarkup.Item("<li>", comment, 1, false));
        assertTrue(html.contains("<div class=\"comment-content\">" + comment.bodyHtml() + "</div>"), html);
        assertTrue(html.contains("<p>Hi <b>there</b> &lt;script&gt;x&lt;/script&gt;</p>"), html);
        assertTrue(html.contains("src=\"/avatars/anonymous.svg\""), html);
    }
}
