package org.moderato.article.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.moderato.comment.CommentStatus;
import org.moderato.comment.CommentsChanged;
import org.moderato.rules.RulesChanged;

/** Which changes make a kept page stale, and the gzip answer made of kept segments. */
class KeptPagesTest {

    private static final long A = 1;
    private static final long B = 2;

    private final KeptPages kept = new KeptPages();

    KeptPagesTest() {
        kept.boundTo(1024 * 1024);
    }

    private void keep(String key, long article) {
        byte[] before = ("<p>article " + article + " before the token ").getBytes(StandardCharsets.UTF_8);
        kept.keep(key, KeptPage.of(article, kept.stamp(article), "text/html", "W/\"x\"", 0, "public", before, "after".getBytes(), true));
    }

    @Test
    void aPendingCommentLeavesThePageKept() {
        keep("/articles/a", A);
        kept.onComments(CommentsChanged.of(A, 10, null, CommentStatus.PENDING));
        assertNotNull(kept.get("/articles/a"), "nobody can see a pending comment: the page has not changed");
    }

    @Test
    void aPublicChangeMakesOnlyItsArticleStale() {
        keep("/articles/a", A);
        keep("/articles/b", B);
        kept.onComments(CommentsChanged.of(A, 10, CommentStatus.PENDING, CommentStatus.APPROVED));
        assertNull(kept.get("/articles/a"));
        assertNotNull(kept.get("/articles/b"), "another article's page is still what it shows");
        assertNotNull(kept.anyKept("/articles/a"), "the stale copy stays for a crowd while one request renders");
    }

    @Test
    void aPageRenderedWhileAChangeCommittedIsNotCurrent() {
        KeptPages.Stamp before = kept.stamp(A);
        kept.onComments(CommentsChanged.of(A, 10, null, CommentStatus.APPROVED));
        kept.keep("/articles/a", KeptPage.of(A, before, "text/html", "W/\"x\"", 0, "public", new byte[1], new byte[0], false));
        assertNull(kept.get("/articles/a"), "stamped before the change: what it shows may be older than the change");
    }

    @Test
    void aPageThatKeepsChangingIsRenderedAtMostTwiceASecondAfterABurst() {
        long t = 1_796_000_000_000L;
        for (int render = 1; render <= KeptPages.RENDER_BURST; render++) {
            assertTrue(kept.mayRender(renderedAt(t), t) || render == 1, "render " + render + " of a burst is allowed");
            kept.keep("/articles/a", renderedAt(t));
            kept.onComments(CommentsChanged.of(A, render, CommentStatus.PENDING, CommentStatus.APPROVED));
        }
        KeptPage stale = kept.anyKept("/articles/a");
        assertNull(kept.get("/articles/a"), "the last change made it stale");
        assertFalse(kept.mayRender(stale, t), "the burst is spent: its readers get the last copy");
        assertFalse(kept.mayRender(stale, t + 499), "not before half a second");
        assertTrue(kept.mayRender(stale, t + 500), "then one more render");
        kept.keep("/articles/a", renderedAt(t + 500));
        assertFalse(kept.mayRender(kept.anyKept("/articles/a"), t + 999));
        assertTrue(kept.mayRender(kept.anyKept("/articles/a"), t + 10_000), "a quiet while refills the burst");
        assertTrue(kept.mayRender(renderedAt(t), t), "another page has a budget of its own");
    }

    private KeptPage renderedAt(long keptAt) {
        return new KeptPage(A, kept.stamp(A), keptAt, "text/html", "W/\"x\"", 0, "public", new byte[1], new byte[0], false,
                new byte[0], new byte[0], KeptPages.RENDER_BURST);
    }

    @Test
    void rulesAndArticleChangesForgetPages() {
        keep("/articles/a", A);
        keep("/articles/b", B);
        kept.onArticle(new org.moderato.article.ArticleChanged(B));
        assertNotNull(kept.get("/articles/a"));
        assertNull(kept.get("/articles/b"));
        kept.onRules(new RulesChanged());
        assertNull(kept.get("/articles/a"), "the rules shape every page");
    }

    @Test
    void theGzipAnswerIsOneValidStreamOfTheWholePageWithTheReadersToken() throws IOException {
        byte[] before = "<html><body><form><input name=\"moderato_token\" value=\"".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] after = "\"></form><p>comments</p></body></html>".repeat(80).getBytes(StandardCharsets.UTF_8);
        for (String token : List.of("7.1796170000.abc.def", "")) {
            byte[] middle = token.getBytes(StandardCharsets.US_ASCII);
            byte[] deflatedMiddle = GzipSplice.segment(middle, false);
            byte[] deflatedBefore = GzipSplice.segment(before, false);
            byte[] deflatedAfter = GzipSplice.segment(after, true);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            GzipSplice.write(out, GzipSplice.crc(before, middle, after), before.length + middle.length + after.length,
                    deflatedBefore, deflatedMiddle, deflatedAfter);
            byte[] gzip = out.toByteArray();
            assertArrayEquals(new byte[] {}, new byte[GzipSplice.length(deflatedBefore, deflatedMiddle, deflatedAfter) - gzip.length],
                    "Content-Length is what is written");
            byte[] whole = new GZIPInputStream(new ByteArrayInputStream(gzip)).readAllBytes();
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            expected.write(before);
            expected.write(middle);
            expected.write(after);
            assertArrayEquals(expected.toByteArray(), whole, "the reader gets the page with their own token");
        }
    }
}
