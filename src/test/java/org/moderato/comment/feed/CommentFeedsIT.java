package org.moderato.comment.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import org.xml.sax.InputSource;

/** The comment feeds, read by a real feed parser (Rome) and a strict XML parser, over HTTP against the real server. */
@ExtendWith(SharedServer.class)
class CommentFeedsIT {

    private static final String ARTICLE = "why-comments-need-moderation";

    private WebClient admin;
    private WebClient reader;
    private String tag;

    @BeforeEach
    void clients(ModeratoServer server) throws IOException {
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        reader = WebClient.anonymous(server);
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private long approved(String author, String email, String text) throws IOException {
        return Comments.approved(reader, admin, ARTICLE, author, email, text, null);
    }

    private static SyndFeed parse(HttpPage page) throws Exception {
        assertEquals(200, page.status(), page.body());
        // well-formed XML first: a strict, namespace-aware parser with no DTDs
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader(page.body())));
        try {
            return new SyndFeedInput().build(new StringReader(page.body()));
        } catch (FeedException e) {
            throw new AssertionError("not a feed: " + page.body(), e);
        }
    }

    @Test
    void theArticleFeedListsApprovedCommentsNewestFirstInRssAndAtom() throws Exception {
        String email = "feed-" + tag + "@feedcanary" + tag + ".example";
        long first = approved("Feed <Reader> & co", email, "First <b>bold</b> & \"quoted\" <script>alert(1)</script>" + tag);
        long second = approved("Second Reader", "second-" + tag + "@example.com", "Second line one\n\nline two " + tag);
        long held = Comments.postAndGetId(reader, ARTICLE, "Held", "held-" + tag + "@example.com", "Not approved " + tag, null);

        for (String path : List.of("/articles/" + ARTICLE + "/feed", "/articles/" + ARTICLE + "/feed/", "/articles/" + ARTICLE + "/feed/atom")) {
            HttpPage page = reader.get(path);
            SyndFeed feed = parse(page);
            assertEquals(path.endsWith("atom") ? "atom_1.0" : "rss_2.0", feed.getFeedType(), path);
            assertTrue(page.header("Content-Type").orElseThrow().startsWith(path.endsWith("atom") ? "application/atom+xml" : "application/rss+xml"));
            assertEquals("Comments on: Why comments need moderation", feed.getTitle());
            SyndEntry newest = feed.getEntries().get(0);
            SyndEntry previous = feed.getEntries().get(1);
            assertTrue(newest.getLink().endsWith("/articles/" + ARTICLE + "?comment=" + second), newest.getLink());
            assertTrue(previous.getLink().endsWith("/articles/" + ARTICLE + "?comment=" + first), previous.getLink());
            assertEquals("Feed <Reader> & co", previous.getAuthor(), "the name, escaped by the XML writer and read back whole");
            String html = previous.getContents().isEmpty() ? previous.getDescription().getValue() : previous.getContents().get(0).getValue();
            assertTrue(html.contains("First <b>bold</b> &amp; &#34;quoted&#34; "), "the sanitised HTML the page shows: " + html);
            assertFalse(html.contains("<script"), html);
            assertTrue(newest.getPublishedDate() != null && previous.getPublishedDate() != null, "dates a feed reader can read: " + page.body());
            assertFalse(newest.getPublishedDate().before(previous.getPublishedDate()), path);
            assertFalse(page.body().contains("Not approved " + tag), "only approved comments");
            assertFalse(page.body().contains("?comment=" + held + "<"));
            assertTrue(feed.getEntries().size() <= CommentFeeds.LENGTH);
            assertEquals(List.of(), new LeakScanner(List.of(email)).findIn(page), "no address in the feed");
        }
    }

    @Test
    void theSiteFeedHasEveryArticlesCommentsAndBothAreLinkedFromThePages() throws Exception {
        long id = approved("Site Reader", "site-" + tag + "@example.com", "Site-wide " + tag);
        for (String path : List.of("/comments/feed", "/comments/feed/atom")) {
            SyndFeed feed = parse(reader.get(path));
            assertTrue(feed.getEntries().stream().anyMatch(e -> e.getLink().endsWith("?comment=" + id)), path);
            assertTrue(feed.getEntries().get(0).getTitle().startsWith("By "), feed.getEntries().get(0).getTitle());
        }
        String article = reader.get("/articles/" + ARTICLE).body();
        assertTrue(article.contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Moderato » Why comments need moderation Comments Feed\" href=\"/articles/" + ARTICLE + "/feed\""), article);
        assertTrue(reader.get("/").body().contains("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Moderato » Comments Feed\" href=\"/comments/feed\""));
    }

    @Test
    void aCurrentCopyGets304UntilACommentIsApproved() throws Exception {
        for (String path : List.of("/articles/" + ARTICLE + "/feed", "/comments/feed/atom")) {
            HttpPage first = reader.get(path);
            String etag = first.header("ETag").orElseThrow();
            assertEquals("public, max-age=0, s-maxage=60", first.header("Cache-Control").orElseThrow());
            assertEquals(304, reader.get(path, Map.of("If-None-Match", etag)).status(), path);
            assertEquals(304, reader.get(path, Map.of("If-Modified-Since", first.header("Last-Modified").orElseThrow())).status(), path);
        }
        String etag = reader.get("/articles/" + ARTICLE + "/feed").header("ETag").orElseThrow();
        approved("Changer", "changer-" + tag + "@example.com", "A change " + tag);
        HttpPage changed = reader.get("/articles/" + ARTICLE + "/feed", Map.of("If-None-Match", etag));
        assertEquals(200, changed.status());
        assertTrue(changed.body().contains("A change " + tag));
    }

    @Test
    void unknownArticlesAndAddressesAnswer404() throws IOException {
        assertEquals(404, reader.get("/articles/no-such-article-" + tag + "/feed").status());
        assertEquals(404, reader.get("/articles/" + ARTICLE + "/feed/json").status());
        assertEquals(404, reader.get("/comments/feed/rdf").status());
    }
}
