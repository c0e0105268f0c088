package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.browser.ArticlePage.Field;
import org.moderato.comment.PendingPreview;
import org.moderato.platform.SiteSecret;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/** A reader's side of the article page in real browsers, with and without JavaScript. */
@ExtendWith(SharedServer.class)
class ReaderJourneyIT {

    private static final String ARTICLE = "why-comments-need-moderation";
    private static ModeratoServer server;
    private static WebClient admin;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void server(ModeratoServer shared) throws IOException {
        server = shared;
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** An approved top-level comment, made over HTTP: the browser tests start from it. */
    private static long approvedComment(String author) throws IOException {
        HttpPage posted = WebClient.anonymous(server).postComment(ARTICLE, author, "setup-" + unique() + "@example.com", "",
                "Something to reply to " + unique());
        Matcher id = Pattern.compile("comment-(\\d+)$").matcher(posted.location());
        assertTrue(id.find(), posted.location());
        long commentId = Long.parseLong(id.group(1));
        admin.moderate("/moderation", commentId, "Approve");
        return commentId;
    }

    @Test
    void withJavaScriptTheReplyFormMovesUnderTheComment() throws IOException {
        String author = "Parent " + unique();
        long parent = approvedComment(author);
        WebDriver reader = browsers.fresh("reader").driver();
        ArticlePage page = ArticlePage.open(reader, server, ARTICLE);
        String urlBefore = page.currentUrl();

        ArticlePage replying = page.clickReply(parent);
        assertEquals(urlBefore, replying.currentUrl(), "no reload");
        assertTrue(replying.formIsUnder(parent));
        assertTrue(replying.replyTitle().startsWith("Leave a Reply to " + author), replying.replyTitle());

        String text = "A reply in place " + unique();
        ArticlePage posted = replying.postComment(text, "Replier", "replier-" + unique() + "@example.com", "");
        long reply = posted.unapprovedIdInUrl().orElseThrow();
        assertEquals(2, posted.depthOf(reply), "shown as a reply to its parent");
        assertTrue(posted.commentIds().indexOf(reply) == posted.commentIds().indexOf(parent) + 1);
    }

    @Test
    void withoutJavaScriptTheReplyLinkReloadsWithTheFormUnderTheComment() throws IOException {
        String author = "NoScript " + unique();
        long parent = approvedComment(author);
        WebDriver reader = browsers.fresh("reader-no-js", false).driver();
        ArticlePage replying = ArticlePage.open(reader, server, ARTICLE).clickReply(parent);
        assertTrue(replying.currentUrl().contains("replytocom=" + parent), replying.currentUrl());
        assertTrue(replying.replyTitle().startsWith("Leave a Reply to " + author), replying.replyTitle());
        assertTrue(replying.replyTitle().contains("Cancel reply"));
        assertTrue(replying.formIsUnder(parent));

        ArticlePage posted = replying.postComment("A reply without scripts " + unique(), "Plain", "plain-" + unique() + "@example.com", "");
        long reply = posted.unapprovedIdInUrl().orElseThrow();
        assertEquals(2, posted.depthOf(reply));
    }

    @Test
    void rememberMeKeepsTheDetailsInTheReadersBrowserOnlyWhenAsked() {
        String tag = unique();
        String email = "remember-" + tag + "@example.com";
        WebDriver reader = browsers.fresh("reader").driver();
        ArticlePage page = ArticlePage.open(reader, server, ARTICLE);
        assertFalse(page.rememberChecked(), "opt-in: unchecked by default");
        page.fillComment("Remember me " + tag, "Rita " + tag, email, "https://rita.example").remember(true).post();

        ArticlePage again = ArticlePage.open(reader, server, ARTICLE);
        assertEquals("Rita " + tag, again.fieldValue(Field.AUTHOR));
        assertEquals(email, again.fieldValue(Field.EMAIL));
        assertEquals("https://rita.example", again.fieldValue(Field.URL));
        assertTrue(again.rememberChecked());
        assertFalse(again.pageSource().contains("value=\"" + email + "\""), "filled in by the browser, not sent by the server");

        again.fill(Field.COMMENT, "Forget me now " + tag).remember(false).post();
        assertNull(reader.manage().getCookieNamed("comment_author_email"));
        ArticlePage forgotten = ArticlePage.open(reader, server, ARTICLE);
        assertEquals("", forgotten.fieldValue(Field.EMAIL));
        assertEquals("", forgotten.fieldValue(Field.AUTHOR));
    }

    @Test
    void aPermalinkToACommentOnPageTwoLandsThere() throws IOException {
        long first = approvedComment("Page one " + unique());
        approvedComment("Filler " + unique());
        long last = approvedComment("Page two " + unique());
        admin.saveRules(Map.of("commentsPerPage", "1"));

        WebDriver reader = browsers.fresh("reader").driver();
        reader.get(server.url("/articles/" + ARTICLE + "?comment=" + last));
        ArticlePage landed = ArticlePage.openUrl(reader, reader.getCurrentUrl(), ARTICLE);
        assertTrue(landed.currentUrl().contains("cpage="), landed.currentUrl());
        assertTrue(landed.showsComment(last));
        assertFalse(landed.showsComment(first));
        ArticlePage pageOne = landed.goToCommentPage(1);
        assertFalse(pageOne.showsComment(last));
    }

    @Test
    void thePendingPreviewExpiresAfterTenMinutes() throws IOException {
        String text = "Soon expired " + unique();
        WebDriver reader = browsers.fresh("reader").driver();
        ArticlePage posted = ArticlePage.open(reader, server, ARTICLE).postComment(text, "Brief", "brief-" + unique() + "@example.com", "");
        long id = posted.unapprovedIdInUrl().orElseThrow();
        assertTrue(posted.showsComment(id));

        PendingPreview links = new PendingPreview(SiteSecret.derive(ModeratoServer.SECRET.getBytes(StandardCharsets.UTF_8), "pending-preview"));
        String expired = links.hashFor(id, Instant.now().minus(PendingPreview.VALIDITY).minusSeconds(5));
        ArticlePage later = ArticlePage.openUrl(reader, server.url("/articles/" + ARTICLE + "?unapproved=" + id + "&moderation-hash=" + expired), ARTICLE);
        assertFalse(later.showsComment(id));
        assertEquals(Optional.empty(), later.awaitingNotice());
    }

    @Test
    void closedCommentsShowANoticeInsteadOfTheForm() throws IOException {
        long kept = approvedComment("Kept " + unique());
        admin.saveRules(Map.of("closeOldArticles", "on", "closeAfterDays", "1"));
        ArticlePage page = ArticlePage.open(browsers.fresh("reader").driver(), server, ARTICLE);
        assertEquals(Optional.of("Comments are closed."), page.closedNotice());
        assertFalse(page.hasForm());
        assertTrue(page.showsComment(kept));
        assertTrue(page.pageSource().contains("id=\"comment-" + kept + "\""));
        assertTrue(page.driver.findElements(By.cssSelector("#comment-" + kept + " .comment-reply-link")).isEmpty());
    }
}
