package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.comment.CommentText;
import org.moderato.testing.ApiClient;
import org.moderato.testing.ApiClient.Answer;
import org.moderato.testing.Desk;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.Sites;
import org.moderato.testing.WebClient;

/**
 * The reader API as another site's page uses it: a site and its origin, a page's thread made on
 * first use, posting with the single-use token, the author's preview, the approved comment in the
 * list; other origins get nothing and cannot post; every refusal is JSON with field names.
 */
@ExtendWith(SharedServer.class)
class SitesApiIT {

    /** A site of its own per test: an origin belongs to one site only. */
    static String newSite(ModeratoServer server, boolean createThreads) throws IOException {
        String origin = "http://blog-" + Readers.unique() + ".example";
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        Sites.add(admin, "Blog " + origin, origin, createThreads);
        return origin;
    }

    static String pageQuery(String url) {
        return "/api/v1/pages?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8);
    }

    static JsonNode token(ApiClient api, String url, String title) throws IOException {
        Answer issued = api.post("/api/v1/form-tokens", Map.of("url", url, "title", title));
        assertEquals(200, issued.status(), issued.body());
        return issued.json();
    }

    static Map<String, Object> comment(String author, String email, String text, String token) {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("author", author);
        comment.put("email", email);
        comment.put("comment", text);
        comment.put("token", token);
        return comment;
    }

    @Test
    void aPageOfAnAllowedOriginGetsItsThreadPostsSeesItsPreviewAndThenTheApprovedComment(ModeratoServer server) throws IOException {
        String origin = newSite(server, true);
        ApiClient page = ApiClient.from(server, origin);
        String url = origin + "/2026/a-post";

        Answer empty = page.get(pageQuery(url + "#comments"));
        assertEquals(200, empty.status(), empty.body());
        assertEquals(Optional.of(origin), empty.header("Access-Control-Allow-Origin"));
        assertTrue(empty.json().get("id").isNull(), "no thread before the first token");
        assertTrue(empty.json().get("commentsOpen").asBoolean());
        assertEquals(0, empty.json().get("count").asInt());

        JsonNode issued = token(page, url, "A post on the blog");
        long thread = issued.get("thread").asLong();
        String text = "First from the blog " + Readers.unique() + "\n\n<b>bold?</b>";
        String email = "blog." + Readers.unique() + "@example.org";
        Answer posted = page.post("/api/v1/threads/" + thread + "/comments", comment("Blog Reader", email, text, issued.get("token").asText()));
        assertEquals(201, posted.status(), posted.body());
        assertFalse(posted.body().contains(email));
        long id = posted.json().get("id").asLong();

        Answer preview = page.get("/api/v1/threads/" + thread + "/pending/" + id + "?hash=" + posted.json().get("preview").asText());
        assertEquals(200, preview.status(), preview.body());
        JsonNode own = preview.json().get("comments").get(0);
        assertEquals(id, own.get("id").asLong());
        assertTrue(own.get("pending").asBoolean());
        assertEquals(CommentText.toHtml(text), own.get("html").asText(), "the same HTML the page shows");
        assertEquals(0, preview.json().get("count").asInt(), "the pending comment is not counted");
        assertEquals(404, page.get("/api/v1/threads/" + thread + "/pending/" + id + "?hash=1.abc").status());

        Answer before = page.get(pageQuery(url));
        assertEquals(thread, before.json().get("id").asLong(), "the same page finds the same thread");
        assertEquals("A post on the blog", before.json().get("title").asText());
        assertEquals(0, before.json().get("comments").size());

        Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).press(id, "Approve");

        Answer after = page.get("/api/v1/threads/" + thread);
        assertEquals(1, after.json().get("count").asInt());
        JsonNode shown = after.json().get("comments").get(0);
        assertEquals("Blog Reader", shown.get("author").asText());
        assertEquals(CommentText.toHtml(text), shown.get("html").asText());
        assertFalse(shown.get("pending").asBoolean());
        assertTrue(shown.get("avatar").asText().startsWith(server.url("/avatars/")), shown.toString());
        assertFalse(after.body().contains(email));
        for (Answer answer : List.of(empty, posted, preview, before, after)) {
            assertEquals(List.of(), answer.headers().getOrDefault("set-cookie", List.of()), "readers never get a session");
        }
    }

    @Test
    void anotherOriginGetsNoCommentDataAndCannotPost(ModeratoServer server) throws IOException {
        String origin = newSite(server, true);
        String other = newSite(server, true);
        String url = origin + "/guarded";
        ApiClient page = ApiClient.from(server, origin);
        JsonNode issued = token(page, url, "Guarded");
        long thread = issued.get("thread").asLong();

        ApiClient stranger = ApiClient.from(server, "http://not-a-site-" + Readers.unique() + ".example");
        for (Answer answer : List.of(stranger.get("/api/v1/threads/" + thread), stranger.get(pageQuery(url)),
                stranger.preflight("/api/v1/threads/" + thread + "/comments", "POST"),
                stranger.post("/api/v1/threads/" + thread + "/comments", comment("X", "x@example.org", "spam", issued.get("token").asText())))) {
            assertEquals(403, answer.status(), answer.method() + " " + answer.path() + ": " + answer.body());
            assertEquals(Optional.empty(), answer.header("Access-Control-Allow-Origin"));
            assertFalse(answer.body().contains("Guarded"), answer.body());
        }
        // a site's origin sees its own threads only: another site's thread does not exist for it
        ApiClient otherSite = ApiClient.from(server, other);
        assertEquals(404, otherSite.get("/api/v1/threads/" + thread).status());
        assertEquals(404, otherSite.post("/api/v1/threads/" + thread + "/comments", comment("X", "x@example.org", "hi", issued.get("token").asText())).status());
        assertEquals(403, otherSite.get(pageQuery(url)).status(), "a page of another site's origin");
        // the stranger's post stored nothing: the token is still unspent and the thread still empty
        Answer posted = page.post("/api/v1/threads/" + thread + "/comments", comment("Owner", "owner@example.org", "mine " + Readers.unique(), issued.get("token").asText()));
        assertEquals(201, posted.status(), posted.body());
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredForJsonPosts(ModeratoServer server) throws IOException {
        String origin = newSite(server, true);
        Answer preflight = ApiClient.from(server, origin).preflight("/api/v1/threads/1/comments", "POST");
        assertEquals(204, preflight.status(), preflight.body());
        assertEquals(Optional.of(origin), preflight.header("Access-Control-Allow-Origin"));
        assertTrue(preflight.header("Access-Control-Allow-Methods").orElse("").contains("POST"));
        assertTrue(preflight.header("Access-Control-Allow-Headers").orElse("").toLowerCase().contains("content-type"));
        assertEquals(Optional.empty(), preflight.header("Access-Control-Allow-Credentials"));
    }

    @Test
    void aSiteThatDoesNotMakeThreadsOnFirstUseGivesNoTokenForANewPage(ModeratoServer server) throws IOException {
        String origin = newSite(server, false);
        ApiClient page = ApiClient.from(server, origin);
        assertFalse(page.get(pageQuery(origin + "/new")).json().get("commentsOpen").asBoolean());
        Answer refused = page.post("/api/v1/form-tokens", Map.of("url", origin + "/new"));
        assertEquals(404, refused.status());
        assertEquals("Comments are not open on this page.", refused.json().get("error").asText());
    }

    @Test
    void refusalsAreJsonWithTheFormsMessagesByFieldName(ModeratoServer server) throws IOException {
        String origin = newSite(server, true);
        ApiClient page = ApiClient.from(server, origin);
        JsonNode issued = token(page, origin + "/errors", "Errors");
        String comments = "/api/v1/threads/" + issued.get("thread").asLong() + "/comments";

        Answer invalid = page.post(comments, comment("Name", "not-an-address", "", issued.get("token").asText()));
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("Please type your comment.", invalid.json().get("fields").get("comment").asText());
        assertEquals("Please enter a valid email address.", invalid.json().get("fields").get("email").asText());

        Answer first = page.post(comments, comment("Name", "name@example.org", "once " + Readers.unique(), issued.get("token").asText()));
        assertEquals(201, first.status(), first.body());
        Answer replayed = page.post(comments, comment("Name", "name@example.org", "twice " + Readers.unique(), issued.get("token").asText()));
        assertEquals(403, replayed.status(), replayed.body());
        assertFalse(replayed.json().get("error").asText().isEmpty());

        Answer noToken = page.post(comments, comment("Name", "name@example.org", "no token " + Readers.unique(), null));
        assertEquals(403, noToken.status(), noToken.body());

        for (Answer answer : List.of(page.postRaw(comments, "{\"comment\": ", Map.of()),
                page.postRaw(comments, "[1, 2]", Map.of()),
                page.postRaw(comments, "comment=x", Map.of("Content-Type", "application/x-www-form-urlencoded")),
                page.get("/api/v1/no-such-thing"),
                page.get("/api/v1/threads/999999999"),
                page.get("/api/v1/pages?url=javascript:alert(1)"))) {
            assertTrue(answer.status() >= 400 && answer.status() < 500, answer.method() + " " + answer.path() + ": " + answer.status());
            assertTrue(answer.contentType().startsWith("application/json"), answer.path() + ": " + answer.contentType() + "\n" + answer.body());
            assertTrue(answer.json().has("error"), answer.body());
        }
    }
}
