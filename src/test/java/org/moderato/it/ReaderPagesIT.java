package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.comment.PendingPreview;
import org.moderato.platform.SiteSecret;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/** The reader's article page over HTTP: caching, threads, pages, the signed preview, closed comments. */
@ExtendWith(SharedServer.class)
class ReaderPagesIT {

    private static final String ARTICLE = "your-email-stays-private";

    private ModeratoServer server;
    private WebClient admin;
    private WebClient reader;

    @BeforeEach
    void clients(ModeratoServer server) throws IOException {
        this.server = server;
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        reader = WebClient.anonymous(server);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long approved(String slug, String text, Long parent) throws IOException {
        long commentId = Comments.postAndGetId(reader, slug, "Reader " + unique(), "reader-" + unique() + "@example.com", text, parent);
        admin.moderate("/moderation", commentId, "Approve");
        return commentId;
    }

    @Test
    void conditionalGetsAnswer304UntilAnApprovalChangesThePage() throws IOException {
        HttpPage first = reader.get("/articles/" + ARTICLE);
        String etag = first.header("ETag").orElseThrow();
        assertTrue(etag.startsWith("W/\""), etag);
        assertEquals("public, max-age=0, s-maxage=60", first.header("Cache-Control").orElseThrow());
        assertTrue(first.header("Last-Modified").isPresent());
        assertEquals(List.of(), first.headerValues("Set-Cookie"));

        HttpPage again = reader.get("/articles/" + ARTICLE, Map.of("If-None-Match", etag));
        assertEquals(304, again.status());
        assertEquals("", again.body());
        assertEquals(304, reader.get("/articles/" + ARTICLE, Map.of("If-Modified-Since", first.header("Last-Modified").get())).status());

        approved(ARTICLE, "Changes the page " + unique(), null);
        HttpPage changed = reader.get("/articles/" + ARTICLE, Map.of("If-None-Match", etag));
        assertEquals(200, changed.status());
        assertNotEquals(etag, changed.header("ETag").orElseThrow());
    }

    @Test
    void aRenderComputesTheSameValidatorsWhetherOrNotTheRequestIsConditional() throws IOException {
        approved(ARTICLE, "Moved by a moderator, so its version and status time count " + unique(), null);
        String path = "/articles/" + ARTICLE;
        // a session cookie the server does not know: the page cache passes such a request by, so each is rendered
        String cookie = "JSESSIONID=unknown-" + unique();
        HttpPage plain = reader.get(path, Map.of("Cookie", cookie));
        HttpPage conditional = reader.get(path, Map.of("Cookie", cookie, "If-None-Match", "W/\"another-version\""));
        assertEquals(200, plain.status());
        assertEquals(200, conditional.status());
        assertEquals(plain.header("ETag").orElseThrow(), conditional.header("ETag").orElseThrow());
        assertEquals(plain.header("Last-Modified").orElseThrow(), conditional.header("Last-Modified").orElseThrow());
        // the fingerprint's own query (a conditional request's first step) must agree with the render's one scan
        assertEquals(304, reader.get(path, Map.of("Cookie", cookie, "If-None-Match", plain.header("ETag").get())).status(),
                "the ETag a render sends is the one a conditional request is checked against");
        assertEquals(304, reader.get(path, Map.of("Cookie", cookie, "If-Modified-Since", plain.header("Last-Modified").get())).status(),
                "and so is its Last-Modified");
    }

    @Test
    void aCommentApprovedOnArrivalJoinsTheKeptListWithTheFingerprintTheDatabaseGives() throws IOException {
        String email = "trusted-" + unique() + "@example.com";
        // trust needs the returning-commenter cookie as well as the address
        WebClient author = WebClient.withCookies(server);
        long first = Comments.idOf(author.postCommentRemembered(ARTICLE, "Trusted", email, "First, held " + unique()));
        admin.moderate("/moderation", first, "Approve");
        String path = "/articles/" + ARTICLE;
        String cookie = "JSESSIONID=unknown-" + unique();
        // a render reads the approved comments and keeps them; the next comment joins them from its after-commit event
        assertEquals(200, reader.get(path, Map.of("Cookie", cookie)).status());
        long second = Comments.idOf(author.postCommentRemembered(ARTICLE, "Trusted", email, "Second, approved on arrival " + unique()));
        HttpPage plain = reader.get(path, Map.of("Cookie", cookie));
        assertTrue(plain.body().contains("id=\"comment-" + second + "\""), "an approved author's next comment is public at once");
        // a conditional request is checked against the database's own aggregate, not the kept list
        assertEquals(304, reader.get(path, Map.of("Cookie", cookie, "If-None-Match", plain.header("ETag").orElseThrow())).status(),
                "the kept list's fingerprint is the one the rows give");
        assertEquals(304, reader.get(path, Map.of("Cookie", cookie, "If-Modified-Since", plain.header("Last-Modified").get())).status());
    }

    @Test
    void theCachedPageGivesEveryReaderTheirOwnFormToken() throws IOException {
        HttpPage first = reader.get("/articles/" + ARTICLE);
        HttpPage second = reader.get("/articles/" + ARTICLE);
        assertEquals(first.header("ETag"), second.header("ETag"));
        Pattern token = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"");
        Matcher a = token.matcher(first.body());
        Matcher b = token.matcher(second.body());
        assertTrue(a.find() && b.find());
        assertNotEquals(a.group(1), b.group(1), "a token is used once, so no two readers share one");
        assertEquals(first.body().replace(a.group(1), ""), second.body().replace(b.group(1), ""), "otherwise the same page");
        assertEquals(String.valueOf(second.body().getBytes(StandardCharsets.UTF_8).length),
                second.header("Content-Length").orElseThrow(() -> new AssertionError("a kept page is sent with its length, not chunked")));
    }

    @Test
    void parametersThatDoNotChangeThePageGetTheKeptPageWithoutARender() throws IOException {
        String slug = "welcome-to-moderato";
        String tag = unique();
        HttpPage plain = reader.get("/articles/" + slug);
        int requests = 30;
        long started = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            HttpPage tracked = reader.get("/articles/" + slug + "?utm_source=" + tag + "-" + i + "&x=" + i);
            assertEquals(200, tracked.status());
            assertEquals(WebClient.formTokenOf(plain).isEmpty(), WebClient.formTokenOf(tracked).isEmpty());
            assertEquals(plain.body().replace(WebClient.formTokenOf(plain), ""), tracked.body().replace(WebClient.formTokenOf(tracked), ""),
                    "the same page as without the parameters");
        }
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        List<ModeratoServer.LoggedRequest> logged = server.loggedRequests("/articles/" + slug + "?utm_source=" + tag, requests);
        long rendered = logged.stream().filter(r -> !r.fromPageCache()).count();
        // a kept page is rendered again once a second old, so one render per second the loop took is allowed
        assertTrue(rendered <= seconds + 2, rendered + " of " + requests + " requests rendered in about " + seconds + " s: " + logged);
    }

    @Test
    void commentsNobodyCanSeeLeaveTheValidatorsAlone() throws IOException {
        HttpPage before = reader.get("/articles/" + ARTICLE);
        String etag = before.header("ETag").orElseThrow();
        HttpPage held = reader.postComment(ARTICLE, "Hidden", "hidden-" + unique() + "@example.com", "", "Held back " + unique());
        assertTrue(held.location().contains("unapproved="), "a first comment is held: " + held.location());
        admin.moderate("/moderation", Comments.idOf(held), "Spam");
        HttpPage after = reader.get("/articles/" + ARTICLE);
        assertEquals(etag, after.header("ETag").orElseThrow(), "a held comment, then spam, is not public");
        assertEquals(before.header("Last-Modified"), after.header("Last-Modified"));
        assertEquals(304, reader.get("/articles/" + ARTICLE, Map.of("If-None-Match", etag)).status());
    }

    @Test
    void thePendingPreviewIsPrivateAndNeverCached() throws IOException {
        HttpPage posted = reader.postComment(ARTICLE, "Private", "private-" + unique() + "@example.com", "", "Just mine " + unique());
        HttpPage preview = reader.get(posted.location().replaceFirst("#.*", ""));
        assertEquals("private, no-store", preview.header("Cache-Control").orElseThrow());
        assertTrue(preview.header("ETag").isEmpty());
    }

    @Test
    void anExpiredPreviewLinkShowsNothing() throws IOException {
        String text = "Expiring " + unique();
        HttpPage posted = reader.postComment(ARTICLE, "Expiring", "expiring-" + unique() + "@example.com", "", text);
        long id = Long.parseLong(posted.location().replaceAll(".*unapproved=(\\d+).*", "$1"));
        PendingPreview links = new PendingPreview(SiteSecret.derive(ModeratoServer.SECRET.getBytes(StandardCharsets.UTF_8), "pending-preview"));

        String fresh = links.hashFor(id, Instant.now());
        assertTrue(reader.get("/articles/" + ARTICLE + "?unapproved=" + id + "&moderation-hash=" + fresh).body().contains(text),
                "a link the test signs like the server does works, so the expired one below fails for its age alone");
        String expired = links.hashFor(id, Instant.now().minus(PendingPreview.VALIDITY).minusSeconds(5));
        assertFalse(reader.get("/articles/" + ARTICLE + "?unapproved=" + id + "&moderation-hash=" + expired).body().contains(text));
    }

    @Test
    void theNumberOfQueriesDoesNotGrowWithTheComments() throws IOException {
        String slug = "welcome-to-moderato";
        String path = "/articles/" + slug;
        long root = approved(slug, "Counting root " + unique(), null);
        // a parameter the page ignores names each request in the log; the approval just made means a render
        String first = path + "?probe=" + unique();
        reader.get(first);
        int before = server.renderedQueryCount(first);
        for (int i = 0; i < 4; i++) {
            approved(slug, "Counting more " + i + " " + unique(), i % 2 == 0 ? root : null);
        }
        String second = path + "?probe=" + unique();
        String body = reader.get(second).body();
        assertTrue(body.contains("Counting more 3"));
        assertEquals(before, server.renderedQueryCount(second), "statements for the article page");
        assertTrue(before > 0 && before <= 6, "a handful of statements: " + before);
    }

    @Test
    void repliesNestAndTheNoScriptReplyLinkPutsTheFormUnderTheComment() throws IOException {
        long parent = approved(ARTICLE, "Parent of a thread " + unique(), null);
        long child = approved(ARTICLE, "First reply " + unique(), parent);
        HttpPage page = reader.get("/articles/" + ARTICLE);
        assertTrue(page.element("li", "comment-" + child).matches("(?s)<li id=\"comment-\\d+\" class=\"comment (even|odd alt) depth-2\".*"));
        assertTrue(page.element("li", "comment-" + parent).contains("<ol class=\"children\"><li id=\"comment-" + child + "\""),
                "the reply is in a list inside its parent");
        assertTrue(page.element("li", "comment-" + parent).contains("href=\"/articles/" + ARTICLE + "?replytocom=" + parent + "#respond\""));

        HttpPage replying = reader.get("/articles/" + ARTICLE + "?replytocom=" + child);
        String body = replying.body();
        assertTrue(body.contains("<span id=\"reply-title-text\">Leave a Reply to "), body);
        assertTrue(body.contains("Cancel reply"));
        assertTrue(body.contains("name=\"comment_parent\" value=\"" + child + "\""));
        int form = body.indexOf("<div id=\"respond\"");
        assertTrue(replying.element("li", "comment-" + child).contains("<div id=\"respond\""), "the form is inside the comment replied to");
        assertTrue(body.indexOf("id=\"div-comment-" + child + "\"") < form, "after its text");
    }

    @Test
    void repliesStopAtTheThreadDepth() throws IOException {
        admin.saveRules(Map.of("threadDepth", "2"));
        long parent = approved(ARTICLE, "Depth parent " + unique(), null);
        long child = approved(ARTICLE, "Depth child " + unique(), parent);
        HttpPage page = reader.get("/articles/" + ARTICLE);
        assertTrue(page.element("li", "comment-" + parent).contains("comment-reply-link"));
        assertFalse(page.element("li", "comment-" + child).contains("comment-reply-link"), "no Reply link at the deepest level");
    }

    @Test
    void commentPagesHaveLinksAndAPermalinkLandsOnTheRightPage() throws IOException {
        String slug = "why-comments-need-moderation";
        for (int i = 0; i < 3; i++) {
            approved(slug, "Paged " + i + " " + unique(), null);
        }
        long newest = approved(slug, "Paged last " + unique(), null);
        admin.saveRules(Map.of("commentsPerPage", "2"));

        HttpPage permalink = reader.get("/articles/" + slug + "?comment=" + newest);
        assertEquals(302, permalink.status());
        Matcher target = Pattern.compile("/articles/" + slug + "\\?cpage=(\\d+)#comment-" + newest).matcher(permalink.location());
        assertTrue(target.matches(), permalink.location());
        int pageNumber = Integer.parseInt(target.group(1));
        assertTrue(pageNumber >= 2);

        HttpPage onPage = reader.get("/articles/" + slug + "?cpage=" + pageNumber);
        assertTrue(onPage.hasElement("comment-" + newest));
        assertTrue(onPage.body().contains("<span class=\"page-numbers current\" aria-current=\"page\">" + pageNumber + "</span>"));
        assertTrue(onPage.body().contains("<a class=\"page-numbers\" href=\"/articles/" + slug + "#comments\">1</a>"),
                "page 1 is the plain article address");
        assertFalse(reader.get("/articles/" + slug).hasElement("comment-" + newest), "not on page 1");
    }

    @Test
    void closedCommentsReplaceTheFormAndKeepTheComments() throws IOException {
        long kept = approved(ARTICLE, "Before closing " + unique(), null);
        admin.saveRules(Map.of("closeOldArticles", "on", "closeAfterDays", "1"));
        HttpPage page = reader.get("/articles/" + ARTICLE);
        assertTrue(page.body().contains("<p id=\"comments-closed\" class=\"no-comments\">Comments are closed.</p>"));
        assertFalse(page.body().contains("id=\"commentform\""));
        assertTrue(page.hasElement("comment-" + kept));
        assertFalse(page.element("li", "comment-" + kept).contains("comment-reply-link"));
    }
}
