package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.moderato.testing.RandomText;
import org.moderato.testing.SafeHtml;

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

    @Test
    void aDisallowedTagWithAngleBracketsInAQuotedAttributeKeepsTheTextAfterIt() {
        String html = CommentText.toHtml("<iframe srcdoc=\"<b>x</b>\">after");
        assertEquals("<iframe srcdoc=\"<b>x</b>\">after", visible(html), html);
        assertFalse(html.contains("<iframe") || html.contains("<b>"), html);
        assertEquals("t and the rest", visible(CommentText.toHtml("<b title=\">\">t</b> and the rest")), "one allowed tag, not text");
    }

    @Test
    void unclosedAndStrayTagsAreShownAsTyped() {
        assertEquals("<a <a <a x", visible(CommentText.toHtml("<a <a <a x")));
        assertEquals("x</i>y", visible(CommentText.toHtml("<b>x</i>y</b>")));
        assertEquals("&amp; stays as typed", visible(CommentText.toHtml("&amp; stays as typed")));
    }

    @Test
    void markupPastTheFirstTwoHundredTagStartsIsShownAsTextAndNothingIsLost() {
        int beyond = 500;
        String typed = "<b>x</b>".repeat(CommentText.MAX_TAG_STARTS / 2) + "<b x1>y".repeat(beyond) + "<em title=\"<\">z</em>";
        String html = CommentText.toHtml(typed);
        assertEquals("x".repeat(CommentText.MAX_TAG_STARTS / 2) + "<b x1>y".repeat(beyond) + "<em title=\"<\">z</em>", visible(html));
        assertEquals(CommentText.MAX_TAG_STARTS / 2, html.split("<b>", -1).length - 1, "the tags before the bound stay tags");
        SafeHtml.assertSafe(html, "past the bound");
    }

    @Test
    void newlinesPastTheFirstFiveHundredBreaksStayInTheText() {
        String html = CommentText.toHtml("line\n".repeat(CommentText.MAX_BREAKS + 300) + "end");
        assertEquals(CommentText.MAX_BREAKS, html.split("<br", -1).length - 1, html);
        assertEquals("line".repeat(CommentText.MAX_BREAKS + 300) + "end", visible(html), "no line lost");
    }

    /** Allowed elements as the generator writes them, nested properly; the text between has no allowed tag. */
    private static final List<String> ALLOWED_OPENINGS = List.of("<b>", "<em>", "<a href=\"https://x.example\">",
            "<q cite=\"https://c.example\">", "<code>", "<B TITLE='>'>", "<strong\n>");
    private static final List<String> SHOWN_AS_TEXT = List.of("<iframe srcdoc=\"<b>x</b>\">", "<script>alert(1)</script>", "<x-y>",
            "<img src=x onerror=alert(1)>", "<p>", "<br>", "< b>", "</ b>", "&lt;", "&amp;", "a < b", "c > d", "\"'=", "<!-- c -->");

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(RandomText.SEEDS)
    void everyCharacterTypedOutsideAnAllowedTagIsShown(long seed) {
        Random random = new Random(seed);
        StringBuilder typed = new StringBuilder("x");
        StringBuilder expected = new StringBuilder("x");
        write(random, 3, typed, expected);
        String html = CommentText.toHtml(typed.toString());
        String shown = withoutSpace(visible(html));
        assertEquals(withoutSpace(expected.toString()), shown, () -> "seed " + seed + ": " + typed + "\n" + html);
        SafeHtml.assertSafe(html, "seed " + seed);
    }

    /** Text and elements, up to {@code depth} deep: into {@code typed} all of it, into {@code expected} all but the allowed tags. */
    private static void write(Random random, int depth, StringBuilder typed, StringBuilder expected) {
        for (int i = random.nextInt(8); i > 0; i--) {
            int kind = random.nextInt(3);
            if (kind == 0 && depth > 0) {
                String opening = ALLOWED_OPENINGS.get(random.nextInt(ALLOWED_OPENINGS.size()));
                typed.append(opening);
                write(random, depth - 1, typed, expected);
                typed.append("</").append(opening.substring(1).split("[\\s>]")[0].toLowerCase()).append('>');
            } else {
                String piece = kind == 1 ? SHOWN_AS_TEXT.get(random.nextInt(SHOWN_AS_TEXT.size()))
                        : RandomText.of(random, "abcxyz éü😀\n\n\t.,;!?&#=/\"'-{}", 1, 20);
                typed.append(piece);
                expected.append(piece);
            }
        }
    }

    /** What a browser shows as text, without the tags. */
    private static String visible(String html) {
        return Jsoup.parseBodyFragment(html).wholeText().replace("\n", "");
    }

    private static String withoutSpace(String text) {
        return text.codePoints().filter(c -> !Character.isWhitespace(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
