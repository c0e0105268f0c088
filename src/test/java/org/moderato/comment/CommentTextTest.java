package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommentTextTest {

    @Test
    void disallowedMarkupIsShownAsTextNeverRun() {
        String html = CommentText.toHtml("<script>alert('x')</script> and <img src=x onerror=alert(1)>");
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertTrue(html.contains("&lt;img src&#61;x onerror&#61;alert(1)&gt;") || html.contains("&lt;img src=x"), html);
    }

    @Test
    void wordPresssAllowedTagsSurviveAndLinksGetRelNofollowUgc() {
        String html = CommentText.toHtml("<b>bold</b> <em>em</em> <code>x</code> <a href=\"https://example.com\" title=\"t\">site</a>");
        assertTrue(html.contains("<b>bold</b>"));
        assertTrue(html.contains("<em>em</em>"));
        assertTrue(html.contains("<code>x</code>"));
        assertTrue(html.contains("href=\"https://example.com\""), html);
        java.util.regex.Matcher rel = java.util.regex.Pattern.compile("rel=\"([^\"]*)\"").matcher(html);
        assertTrue(rel.find(), html);
        assertEquals(java.util.Set.of("nofollow", "ugc", "noopener"), java.util.Set.of(rel.group(1).split(" ")));
    }

    @Test
    void dangerousAttributesAndSchemesAreDropped() {
        String html = CommentText.toHtml("<a href=\"javascript:alert(1)\" onclick=\"x()\">click</a> <b style=\"x\" onmouseover=\"y\">b</b>");
        assertFalse(html.contains("javascript:"), html);
        assertFalse(html.contains("onclick"), html);
        assertFalse(html.contains("onmouseover"), html);
        assertFalse(html.contains("style"), html);
        assertTrue(html.contains("click"));
    }

    @Test
    void blankLinesMakeParagraphsAndSingleNewlinesBreaks() {
        assertEquals("<p>one<br />two</p><p>three</p>", CommentText.toHtml("one\ntwo\n\n\nthree").replace("\n", ""));
    }

    @Test
    void ampersandsAndLoneAngleBracketsAreEscaped() {
        String html = CommentText.toHtml("AT&T says 1 < 2 > 0");
        assertTrue(html.contains("AT&amp;T"), html);
        assertTrue(html.contains("1 &lt; 2 &gt; 0"), html);
    }
}
