package org.moderato.article.wordpress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.moderato.comment.CommentsChanged;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moderato.privacy.EmailVault;

/** The import against the real schema (Flyway migrations on H2), without the server. */
class WxrImportTest {

    static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    static final EmailVault VAULT = new EmailVault("e".repeat(32).getBytes(), "i".repeat(32).getBytes());

    private TestDatabase db;

    @BeforeEach
    void freshDatabase() throws SQLException {
        db = new TestDatabase();
    }

    @AfterEach
    void close() throws SQLException {
        db.close();
    }

    /** What the loader announced for the write path's observers, by the last {@link #load}. */
    static final List<CommentsChanged> ANNOUNCED = new ArrayList<>();

    static ImportSummary load(TestDatabase db, InputStream in) throws SQLException {
        ANNOUNCED.clear();
        try (WxrReader reader = new WxrReader(in); WxrLoader loader = new WxrLoader(db.connection, VAULT, ANNOUNCED::add, NOW)) {
            ImportSummary summary = loader.load(reader);
            db.connection.commit();
            return summary;
        } catch (RuntimeException | SQLException e) {
            db.connection.rollback();
            throw e;
        }
    }

    private long commentId(long wpId) throws SQLException {
        return db.count("SELECT id FROM comments WHERE wp_comment_id = ?", wpId);
    }

    private Map<String, Object> comment(long wpId) throws SQLException {
        return db.row("SELECT * FROM comments WHERE wp_comment_id = ?", wpId);
    }

    private Map<String, Object> article(long wpId) throws SQLException {
        return db.row("SELECT * FROM articles WHERE wp_post_id = ?", wpId);
    }

    @Test
    void theFixtureImportsWithASummaryThatCountsWhatWasSkipped() throws SQLException {
        ImportSummary summary = load(db, WxrReaderTest.fixture());
        assertEquals("4 articles, 9 comments imported; 1 page, 1 attachment, 1 pingback, 1 trackback,"
                + " 1 comment on a page or attachment skipped.", summary.describe());
        assertEquals("1 draft imported as a draft, hidden from readers; 1 article got a new slug because its slug was taken.",
                summary.notes());
        assertEquals(3 + 4, db.count("SELECT COUNT(*) FROM articles"), "the three samples and four posts");
        assertEquals(9, db.count("SELECT COUNT(*) FROM comments"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM comments WHERE body LIKE '%page%' OR body LIKE '%fixture says%'"));
    }

    @Test
    void postsBecomeArticlesWithSlugDateStatusAndSanitisedBody() throws SQLException {
        load(db, WxrReaderTest.fixture());
        Map<String, Object> hello = article(10);
        assertEquals("hello-world", hello.get("SLUG"));
        assertEquals("Hello, world", hello.get("TITLE"));
        assertEquals("editor", hello.get("BYLINE"));
        assertEquals("PUBLISHED", hello.get("STATUS"));
        assertEquals(Timestamp.from(Instant.parse("2025-05-31T14:00:00Z")), hello.get("PUBLISHED_AT"));
        assertEquals(true, hello.get("COMMENTS_OPEN"));
        assertEquals("https://fixture.example/blog", hello.get("WP_SITE"));
        String body = (String) hello.get("BODY_HTML");
        assertTrue(body.startsWith("<p>Welcome to the fixture. This is the first paragraph,<br />\nwith a line break inside it.</p>"), body);
        assertTrue(body.contains("<p>A second paragraph &amp; a shortcode that must stay text: [gallery ids&#61;&#34;1,2&#34;]</p>"), body);
        assertFalse(body.contains("script"), body);
        assertFalse(body.contains("javascript"), body);
        assertTrue(body.contains("<a href=\"https://wordpress.org/\">good link</a>"), body);

        Map<String, Object> cologne = article(11);
        assertEquals("grusse-aus-koln", cologne.get("SLUG"), "the percent-encoded Japanese slug has no ASCII spelling: the title's is used");
        assertEquals(false, cologne.get("COMMENTS_OPEN"));
        String blocks = (String) cologne.get("BODY_HTML");
        assertFalse(blocks.contains("wp:"), "block-editor comments are dropped: " + blocks);
        assertTrue(blocks.contains("ümlauts, 日本語 and an emoji"), blocks);
        assertTrue(blocks.contains("<pre><code>if (a ]]&gt; b) { return &#34;]]&gt;&#34;; }</code></pre>"), blocks);
        assertTrue(blocks.contains("[contact-form-7 id&#61;&#34;42&#34;]"), "shortcodes stay as text: " + blocks);

        Map<String, Object> draft = article(12);
        assertEquals("DRAFT", draft.get("STATUS"));
        assertEquals("draft-idea", draft.get("SLUG"), "an empty post_name: the slug comes from the title");

        Map<String, Object> scheduled = article(13);
        assertEquals("welcome-to-moderato-2", scheduled.get("SLUG"), "the sample article keeps its slug");
        assertEquals("PUBLISHED", scheduled.get("STATUS"));
        assertEquals(Timestamp.from(Instant.parse("2099-01-01T09:00:00Z")), scheduled.get("PUBLISHED_AT"));
    }

    @Test
    void commentsKeepAuthorAddressWebsiteIpDateStatusAndThread() throws SQLException {
        load(db, WxrReaderTest.fixture());
        Map<String, Object> alice = comment(101);
        assertEquals("Alice Approved", alice.get("AUTHOR_NAME"));
        assertEquals(Optional.of("alice@example.org"), VAULT.decrypt((String) alice.get("EMAIL_CIPHERTEXT")));
        assertEquals(VAULT.blindIndex("alice@example.org"), alice.get("EMAIL_INDEX"));
        assertFalse(db.rows("SELECT * FROM comments").toString().contains("alice@example.org"), "no address in clear");
        assertEquals("https://alice.example/", alice.get("WEBSITE"));
        assertEquals("192.0.2.10", alice.get("IP_ADDRESS"));
        assertEquals(Timestamp.from(Instant.parse("2025-06-01T08:00:00Z")), alice.get("CREATED_AT"));
        assertEquals("APPROVED", alice.get("STATUS"));
        assertNull(alice.get("PARENT_ID"));
        assertEquals("First! This is the top of a thread.\n\nSee my notes (https://alice.example/notes) & more.", alice.get("BODY"));

        assertEquals(commentId(101), comment(102).get("PARENT_ID"));
        assertEquals(commentId(102), comment(103).get("PARENT_ID"), "third level");
        assertEquals(commentId(109), comment(108).get("PARENT_ID"), "a reply listed before its parent still finds it");
        assertEquals(1, comment(101).get("DEPTH"));
        assertEquals(2, comment(102).get("DEPTH"));
        assertEquals(3, comment(103).get("DEPTH"), "a reply's depth is its parent's plus one");
        assertEquals((Integer) comment(109).get("DEPTH") + 1, comment(108).get("DEPTH"), "also when the reply came first");
        assertEquals("A reply, second level. 5 < 6 and 7 > 3 stay as typed.", comment(102).get("BODY"));
        assertEquals("2001:db8::2", comment(102).get("IP_ADDRESS"));

        assertEquals("PENDING", comment(104).get("STATUS"));
        assertEquals("SPAM", comment(105).get("STATUS"));
        assertEquals("TRASH", comment(106).get("STATUS"));
        assertEquals(VAULT.blindIndex("late@example.org"), comment(109).get("EMAIL_INDEX"), "the index ignores case");

        Map<String, Object> zoe = comment(201);
        assertEquals("Zoë Ünïcödé 🎉", zoe.get("AUTHOR_NAME"));
        assertEquals("Schöne Grüße! こんにちは — CDATA end inside: ]]> and an entity-looking &amp; text.", zoe.get("BODY"));
        assertEquals(Optional.of("zoe@exämple.org"), VAULT.decrypt((String) zoe.get("EMAIL_CIPHERTEXT")));
        assertEquals(article(11).get("ID"), zoe.get("ARTICLE_ID"));
    }

    @Test
    void eachArticleWithNewCommentsIsAnnouncedOnceWithItsMoves() throws SQLException {
        load(db, WxrReaderTest.fixture());
        assertEquals(9, ANNOUNCED.stream().mapToLong(change -> change.moves().size()).sum());
        assertEquals(ANNOUNCED.size(), ANNOUNCED.stream().map(CommentsChanged::articleId).distinct().count(), "one announcement per article");
        assertTrue(ANNOUNCED.stream().allMatch(change -> change.moves().stream().allMatch(move -> move.from() == null)));
        assertTrue(ANNOUNCED.stream().anyMatch(CommentsChanged::publicChange), "approved comments change public pages");
        load(db, WxrReaderTest.fixture());
        assertTrue(ANNOUNCED.isEmpty(), "nothing new, nothing announced: " + ANNOUNCED);
    }

    @Test
    void everyImportedCommentHasAHistoryRowByImport() throws SQLException {
        load(db, WxrReaderTest.fixture());
        assertEquals(9, db.count("SELECT COUNT(*) FROM moderation_events e JOIN comments c ON c.id = e.comment_id"
                + " WHERE e.actor = 'import' AND e.to_status = c.status AND e.from_status IS NULL"));
        assertTrue(((String) db.row("SELECT note FROM moderation_events WHERE comment_id = ?", commentId(105)).get("NOTE"))
                .contains("WordPress comment 105, status \"spam\""));
    }

    @Test
    void importingTheSameFileAgainAddsNothingAndSaysSo() throws SQLException {
        load(db, WxrReaderTest.fixture());
        long articles = db.count("SELECT COUNT(*) FROM articles");
        long comments = db.count("SELECT COUNT(*) FROM comments");
        ImportSummary again = load(db, WxrReaderTest.fixture());
        assertEquals("Nothing new to import: 4 articles and 9 comments from https://fixture.example/blog were imported before;"
                + " 1 page, 1 attachment, 1 pingback, 1 trackback, 1 comment on a page or attachment skipped.", again.describe());
        assertTrue(again.nothingNew());
        assertEquals(articles, db.count("SELECT COUNT(*) FROM articles"));
        assertEquals(comments, db.count("SELECT COUNT(*) FROM comments"));
    }

    @Test
    void aFileWithNewCommentsForAnImportedPostAddsOnlyThoseAndThreadsThemUnderTheOldOnes() throws Exception {
        load(db, WxrReaderTest.fixture());
        String text = WxrReaderTest.fixtureText();
        String newComment = "<wp:comment><wp:comment_id>110</wp:comment_id><wp:comment_author>Newcomer</wp:comment_author>"
                + "<wp:comment_date_gmt>2025-07-01 00:00:00</wp:comment_date_gmt><wp:comment_content>Later reply</wp:comment_content>"
                + "<wp:comment_approved>1</wp:comment_approved><wp:comment_parent>103</wp:comment_parent></wp:comment>\n";
        String grown = text.replaceFirst("</item>", newComment + "</item>");
        ImportSummary summary = load(db, new ByteArrayInputStream(grown.getBytes(StandardCharsets.UTF_8)));
        assertEquals(0, summary.articles());
        assertEquals(1, summary.comments());
        assertEquals(9, summary.commentsBefore());
        assertEquals(commentId(103), comment(110).get("PARENT_ID"));
        assertNull(comment(110).get("EMAIL_CIPHERTEXT"), "a comment without an address has none");
    }

    @Test
    void aBrokenFileStoresNothingAtAll() throws Exception {
        String text = WxrReaderTest.fixtureText();
        // well-formed up to the second post, broken inside it: the first post and its comments must not stay
        String broken = text.replace("<wp:post_id>11</wp:post_id>", "<wp:post_id>11</wp:postid>");
        WxrFormatException e = assertThrows(WxrFormatException.class,
                () -> load(db, new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8))));
        int line = text.substring(0, text.indexOf("<wp:post_id>11</wp:post_id>")).split("\n", -1).length;
        assertEquals(line, e.line(), e.getMessage());
        assertEquals(3, db.count("SELECT COUNT(*) FROM articles"), "only the samples");
        assertEquals(0, db.count("SELECT COUNT(*) FROM comments"));
        assertEquals(0, db.count("SELECT COUNT(*) FROM moderation_events"));
    }
}
