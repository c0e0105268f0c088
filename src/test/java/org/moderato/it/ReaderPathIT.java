package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/** A reader's side over plain HTTP, against the real server and its H2 file database. */
@ExtendWith(SharedServer.class)
class ReaderPathIT {

    static final String ARTICLE = "why-comments-need-moderation";
    private static final Pattern PENDING_LOCATION =
            Pattern.compile("/articles/" + ARTICLE + "\\?unapproved=(\\d+)&moderation-hash=([0-9]+\\.[0-9a-f]{64})#comment-\\1");

    @Test
    void frontPageListsTheSampleArticlesWithReplyCounts(ModeratoServer server) throws IOException {
        HttpPage front = WebClient.anonymous(server).get("/");
        assertEquals(200, front.status());
        for (String title : new String[] {"Welcome to Moderato", "Why comments need moderation", "Your email stays private"}) {
            assertTrue(front.body().contains(">" + title + "</a>"), title);
        }
        assertTrue(Pattern.compile("class=\"reply-count\"[^>]*>(\\d+ replies|1 reply)</a>").matcher(front.body()).find());
    }

    @Test
    void articleCarriesTheCommentFormReadersKnowFromWordPress(ModeratoServer server) throws IOException {
        HttpPage article = WebClient.anonymous(server).get("/articles/" + ARTICLE);
        assertEquals(200, article.status());
        String respond = article.body().substring(article.body().indexOf("<div id=\"respond\""));
        assertTrue(respond.contains("<h3 id=\"reply-title\" class=\"comment-reply-title\" data-title=\"Leave a Reply\" data-title-to=\"Leave a Reply to {0}\"><span id=\"reply-title-text\">Leave a Reply</span>"),
                respond);
        assertTrue(respond.contains("<form id=\"commentform\""));
        for (String id : new String[] {"comment", "author", "email", "url", "submit"}) {
            assertTrue(respond.contains("id=\"" + id + "\""), id);
        }
        assertTrue(respond.contains("value=\"Post Comment\""));
        assertTrue(respond.contains("Your email address will not be published."));
        assertTrue(respond.contains("Required fields are marked <span class=\"required\">*</span>"));
        assertTrue(article.body().contains("id=\"comments-title\""));
    }

    @Test
    void anonymousReadingAndPostingSetNoCookieAndCreateNoSession(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        for (String path : new String[] {"/", "/articles/" + ARTICLE, "/login-does-not-exist"}) {
            HttpPage page = reader.get(path);
            assertEquals(List.of(), page.headerValues("Set-Cookie"), path);
        }
        HttpPage posted = reader.postComment(ARTICLE, "Cookie Test", "cookie@example.com", "", "No cookies " + UUID.randomUUID());
        assertEquals(303, posted.status());
        assertEquals(List.of(), posted.headerValues("Set-Cookie"));
        HttpPage invalid = reader.postComment(ARTICLE, "", "bad", "", "text");
        assertEquals(List.of(), invalid.headerValues("Set-Cookie"));
    }

    /** The one cookie the server ever sets for a reader: asked for, on the redirect after posting only. */
    @Test
    void tickingSaveMyNameSetsOnlyTheReturningCommenterCookieAndOnlyOnTheRedirect(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.withCookies(server);
        HttpPage posted = reader.postCommentRemembered(ARTICLE, "Remembered", "remembered." + UUID.randomUUID() + "@example.com",
                "Remember me " + UUID.randomUUID());
        assertEquals(303, posted.status());
        List<String> cookies = posted.headerValues("Set-Cookie");
        assertEquals(1, cookies.size(), cookies.toString());
        assertTrue(cookies.get(0).matches("moderato_returning=\\d+\\.[0-9a-f]{64};.*"), cookies.get(0));
        assertFalse(cookies.get(0).toLowerCase(java.util.Locale.ROOT).contains("example.com"));

        HttpPage page = reader.get("/articles/" + ARTICLE);
        assertEquals(List.of(), page.headerValues("Set-Cookie"), "a GET with the cookie sets nothing");
        assertTrue(page.header("Cache-Control").orElse("").startsWith("public"), "and the page stays cacheable");
    }

    @Test
    void aValidCommentRedirectsToItsSignedPreviewWhichNobodyElseSees(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String text = "Pending preview " + UUID.randomUUID();
        HttpPage posted = reader.postComment(ARTICLE, "Pat Reader", "pat@example.com", "pat.example", text);

        assertEquals(303, posted.status());
        Matcher location = PENDING_LOCATION.matcher(posted.location());
        assertTrue(location.matches(), posted.location());
        String id = location.group(1);

        HttpPage preview = reader.get(posted.location().replaceFirst("#.*", ""));
        assertTrue(preview.body().contains("Your comment is awaiting moderation."));
        assertTrue(preview.element("li", "comment-" + id).contains(text));
        assertTrue(preview.body().contains("href=\"http://pat.example\""), "a bare domain is stored as http://");

        HttpPage plain = reader.get("/articles/" + ARTICLE);
        assertFalse(plain.body().contains(text));
        assertFalse(plain.hasElement("comment-" + id));

        String forged = "/articles/" + ARTICLE + "?unapproved=" + id + "&moderation-hash=" + location.group(2).replaceFirst(".$", "x");
        assertFalse(reader.get(forged).body().contains(text));
        String otherComment = "/articles/" + ARTICLE + "?unapproved=" + (Long.parseLong(id) + 1) + "&moderation-hash=" + location.group(2);
        assertFalse(reader.get(otherComment).body().contains("awaiting moderation"));
    }

    @Test
    void invalidInputIsAnsweredBesideTheFieldsKeepsTheTextAndStoresNothing(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String text = "Keep me <b>" + UUID.randomUUID() + "</b>";
        HttpPage answer = reader.postComment(ARTICLE, "  ", "not-an-email", "javascript:alert(1)", text);

        // refused as every refusal is, with a 4xx, but the page is the article with the form as typed
        assertEquals(400, answer.status());
        assertEquals("private, no-store", answer.header("Cache-Control").orElse(""));
        assertTrue(answer.element("span", "author-error").contains("Please enter your name."));
        assertTrue(answer.element("span", "email-error").contains("Please enter a valid email address."));
        assertTrue(answer.element("span", "url-error").contains("The website must be an http:// or https:// address."));
        assertTrue(answer.element("textarea", "comment").contains(text.replace("<", "&lt;").replace(">", "&gt;")));
        assertTrue(answer.body().contains("value=\"not-an-email\""));
        assertFalse(answer.body().contains("javascript:alert(1)\" rel"), "never rendered as a link");

        HttpPage tooLong = reader.postComment(ARTICLE, "n".repeat(246), "long@example.com", "", "x".repeat(65_526));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.element("span", "author-error").contains("Your name is too long (at most 245 characters)."));
        assertTrue(tooLong.element("span", "comment-error").contains("Your comment is too long (at most 65,525 bytes)."));

        HttpPage empty = reader.postComment(ARTICLE, "Someone", "someone@example.com", "", " \n ");
        assertTrue(empty.element("span", "comment-error").contains("Please type your comment."));
    }

    @Test
    void unknownPagesAnswer404WithAFriendlyPageAndNoStackTrace(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        for (String path : new String[] {"/articles/no-such-article", "/nothing-here", "/article.xhtml", "/WEB-INF/web.xml"}) {
            HttpPage page = reader.get(path);
            assertEquals(404, page.status(), path);
            assertFalse(page.body().contains("Exception"), path);
            assertFalse(page.body().contains("at org."), path);
        }
        HttpPage unknownArticle = reader.get("/articles/no-such-article");
        assertTrue(unknownArticle.body().contains("Page not found"));
        HttpPage postToUnknown = reader.postComment("no-such-article", "A", "a@example.com", "", "text");
        assertEquals(404, postToUnknown.status());
    }

    @Test
    void healthAnswersWhenTheDatabaseDoes(ModeratoServer server) throws IOException {
        HttpPage health = WebClient.anonymous(server).get("/health");
        assertEquals(200, health.status());
        // MicroProfile Health's answer (the URL of the hand-written check it replaced): every check, the database's too
        assertTrue(health.body().startsWith("{\"status\":\"UP\""), health.body());
        assertTrue(health.body().contains("{\"name\":\"database\",\"status\":\"UP\""), health.body());
    }
}
