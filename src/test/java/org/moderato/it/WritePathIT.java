package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.moderato.testing.Comments;
import org.moderato.testing.Desk;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.PrivacyPages;
import org.moderato.testing.WebClient;
import org.moderato.testing.WordPressFiles;

/**
 * The write path's invariants, through every door that changes comments: a reader's comment and
 * replies, the desk's staff reply, moves, undo and permanent deletion, the privacy pages' erasure,
 * a WordPress import. After each step the whole {@code comments} table is checked: depth 1 at the top
 * and the parent's plus one below, the parent in the same article, a first history row (from nothing)
 * and a last one that names the comment's status, and the queue's tab counts equal to the rows per
 * status. Then the after-commit events: which kept article pages a change leaves alone.
 *
 * <p>The steps build one thread after another and run in order on a server of its own, whose
 * database the test reads while it runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WritePathIT {

    private static final String ARTICLE = "welcome-to-moderato";
    private static final String OTHER_ARTICLE = "why-comments-need-moderation";
    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> STATUSES = List.of("PENDING", "APPROVED", "SPAM", "TRASH");
    private static final Duration TOTALS_SETTLE = Duration.ofSeconds(15);

    private static ModeratoServer server;
    private static DirectDatabase db;
    private static Desk desk;
    private static WebClient admin;
    private static long top;
    private static long reply;
    private static long replyToReply;
    private static long staffReply;

    @BeforeAll
    static void start() throws Exception {
        server = ModeratoServer.startFreshWithDatabaseOpen();
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
        db = DirectDatabase.openWhileRunning(server);
        desk = Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD);
        admin = desk.client();
    }

    @AfterAll
    static void stop() throws SQLException {
        if (db != null) {
            db.close();
        }
        if (server != null) {
            server.kill();
        }
    }

    @Test
    @Order(1)
    void aReadersCommentAReplyAndAReplyToTheReply() throws Exception {
        top = posted("Top " + TAG, null);
        approve(top);
        reply = posted("Reply " + TAG, top);
        approve(reply);
        replyToReply = posted("Reply to the reply " + TAG, reply);
        assertEquals(List.of(1, 2, 3), List.of(depth(top), depth(reply), depth(replyToReply)));
        assertInvariants("after readers posted a thread");
    }

    @Test
    @Order(2)
    void aStaffReplyFromTheDesk() throws Exception {
        desk.open("/moderation?s=" + TAG).press(replyToReply, "Reply")
                .submitText(replyToReply, "reply-text", "Staff answer " + TAG, "Post reply");
        staffReply = idByText("Staff answer " + TAG);
        assertEquals(4, depth(staffReply));
        assertEquals("APPROVED", status(replyToReply), "replying approved the pending comment");
        assertInvariants("after a staff reply");
    }

    @Test
    @Order(3)
    void movesBulkMovesAndUndo() throws Exception {
        long first = posted("Moved first " + TAG, null);
        long second = posted("Moved second " + TAG, null);
        desk.open("/moderation?s=Moved").press(first, "Spam");
        assertInvariants("after a spam move");
        desk.pressId("undo", "Undo");
        assertEquals("PENDING", status(first));
        assertInvariants("after undo");
        desk.open("/moderation?s=Moved").bulk("trash", first, second);
        assertInvariants("after a bulk move to the trash");
        desk.open("/moderation?status=trash&s=Moved").press(second, "Restore");
        desk.open("/moderation?s=Moved").press(second, "Approve");
        assertInvariants("after restore and approve");
    }

    @Test
    @Order(4)
    void deletingACommentWithRepliesMovesTheirWholeSubtreeUp() throws Exception {
        desk.open("/moderation?status=approved&s=Top").press(top, "Trash");
        desk.open("/moderation?status=trash&s=Top").press(top, "Delete permanently").pressId("confirm-delete-yes", "Delete permanently");
        assertFalse(exists(top));
        assertEquals(List.of(1, 2, 3), List.of(depth(reply), depth(replyToReply), depth(staffReply)));
        assertEquals(null, parentOf(reply), "the reply now answers the article, as the deleted comment did");
        assertInvariants("after a permanent deletion");
    }

    @Test
    @Order(5)
    void erasingAnAuthorKeepsTheTextOrDeletesItAndLiftsTheReplies() throws Exception {
        WebClient reader = WebClient.anonymous(server);
        String keptAuthor = "kept." + TAG + "@erase.example";
        long keptParent = posted("Parent of an erased reply " + TAG, null);
        approve(keptParent);
        long erased = Comments.postAndGetId(reader, ARTICLE, "Kept Text", keptAuthor, "Erased author, text kept " + TAG, keptParent);
        assertTrue(new PrivacyPages(admin).erase(keptAuthor, false).body().contains("1 comment of "), "erased");
        assertEquals(2, depth(erased));
        assertInvariants("after an erasure that keeps the text");

        String deletedAuthor = "deleted." + TAG + "@erase.example";
        long deleted = Comments.postAndGetId(reader, ARTICLE, "Deleted Text", deletedAuthor, "Erased with its text " + TAG, null);
        approve(deleted);
        long below = posted("Below an erased comment " + TAG, deleted);
        approve(below);
        long further = posted("Further below " + TAG, below);
        HttpPage answer = new PrivacyPages(admin).erase(deletedAuthor, true);
        assertTrue(answer.body().contains("1 comment of d•••@e•••.example deleted."), answer.body());
        assertFalse(exists(deleted));
        assertEquals(List.of(1, 2), List.of(depth(below), depth(further)));
        assertInvariants("after an erasure that deletes the text");
    }

    @Test
    @Order(6)
    void aWordPressImportWithAReplyListedBeforeItsParent() throws Exception {
        HttpPage imported = WordPressFiles.upload(admin, WordPressFiles.fixture());
        assertTrue(imported.body().contains("9 comments imported"), imported.body());
        long early = wordPressComment(108);
        long late = wordPressComment(109);
        assertEquals(late, parentOf(early));
        assertEquals(List.of(1, 2), List.of(depth(late), depth(early)));
        assertInvariants("after a WordPress import");
    }

    @Test
    @Order(7)
    void aPendingCommentKeepsThePageAndAnApprovalRenewsOnlyItsArticle() throws Exception {
        assertKeptAfterOneRender(ARTICLE);
        long pending = posted("Pending, changes no page " + TAG, null);
        assertTrue(fromPageCache(ARTICLE), "a pending comment leaves the article's kept page in place");

        assertKeptAfterOneRender(OTHER_ARTICLE);
        approve(pending);
        String after = probe(ARTICLE);
        HttpPage page = WebClient.anonymous(server).get(after);
        assertFalse(server.loggedRequests(after, 1).get(0).fromPageCache(), "the approval made the article render again");
        assertTrue(page.hasElement("comment-" + pending), "and show the comment");
        assertTrue(fromPageCache(OTHER_ARTICLE), "the other article's kept page is still served");
        assertInvariants("after the page-cache steps");
    }

    @Test
    @Order(8)
    void anImportThatRollsBackInvalidatesNothingAndTheSameImportCommittedDoes() throws Exception {
        String fixture = Files.readString(WordPressFiles.fixture(), StandardCharsets.UTF_8);
        // a new approved comment on the imported "Hello, world" (the rest was imported before)
        String withNewComment = fixture.replace("<wp:comment_id>101</wp:comment_id>", "<wp:comment_id>191</wp:comment_id>")
                .replace("First! This is the <b>top</b> of a thread.", "Imported later " + TAG);
        // the file breaks in the next post's second comment: by then the loader has finished "Hello, world" and
        // announced it (it sees the next post only with its first comment read), then the transaction rolls back
        int cut = withNewComment.indexOf("<wp:comment_id>202</wp:comment_id>");
        Path broken = Files.createTempFile("broken-", ".xml");
        Files.writeString(broken, withNewComment.substring(0, cut) + "<oops>\n</wp:comment>", StandardCharsets.UTF_8);

        assertKeptAfterOneRender("hello-world");
        HttpPage refused = WordPressFiles.upload(admin, broken);
        assertTrue(refused.body().contains("Nothing was imported."), refused.body());
        assertTrue(fromPageCache("hello-world"), "a rolled-back import tells the page cache nothing");
        assertEquals(0, count("SELECT COUNT(*) FROM comments WHERE body LIKE '%Imported later " + TAG + "%'"));
        assertInvariants("after a rolled-back import");

        Path whole = Files.createTempFile("whole-", ".xml");
        Files.writeString(whole, withNewComment, StandardCharsets.UTF_8);
        assertTrue(WordPressFiles.upload(admin, whole).body().contains("1 comment imported"), "the same comment, committed");
        String after = probe("hello-world");
        assertTrue(WebClient.anonymous(server).get(after).body().contains("Imported later " + TAG));
        assertFalse(server.loggedRequests(after, 1).get(0).fromPageCache(), "a committed import renews the article's page");
        assertInvariants("after the import committed");
    }

    // --- the invariants, over the whole table

    private static void assertInvariants(String step) throws Exception {
        List<String> broken = new ArrayList<>();
        try (Statement sql = db.connection().createStatement();
             ResultSet rs = sql.executeQuery("SELECT c.id, c.depth, c.parent_id, c.article_id, p.depth, p.article_id,"
                     + " (SELECT COUNT(*) FROM moderation_events e WHERE e.comment_id = c.id AND e.from_status IS NULL),"
                     + " c.status, (SELECT e.to_status FROM moderation_events e WHERE e.comment_id = c.id ORDER BY e.id DESC LIMIT 1)"
                     + " FROM comments c LEFT JOIN comments p ON p.id = c.parent_id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int depth = rs.getInt(2);
                long parent = rs.getLong(3);
                boolean topLevel = rs.wasNull();
                if (topLevel && depth != 1) {
                    broken.add(id + ": top-level at depth " + depth);
                }
                if (!topLevel && depth != rs.getInt(5) + 1) {
                    broken.add(id + ": depth " + depth + " under " + parent + " at depth " + rs.getInt(5));
                }
                if (!topLevel && rs.getLong(4) != rs.getLong(6)) {
                    broken.add(id + ": article " + rs.getLong(4) + ", its parent " + parent + " in article " + rs.getLong(6));
                }
                if (rs.getLong(7) != 1) {
                    broken.add(id + ": " + rs.getLong(7) + " first history rows");
                }
                if (!rs.getString(8).equals(rs.getString(9))) {
                    broken.add(id + ": " + rs.getString(8) + ", its last history row says " + rs.getString(9));
                }
            }
        }
        assertEquals(List.of(), broken, step);
        assertTotalsSettle(step);
    }

    /** The totals are written once a second after commit: wait for the state, within a bound. */
    private static void assertTotalsSettle(String step) throws Exception {
        Instant deadline = Instant.now().plus(TOTALS_SETTLE);
        while (true) {
            Map<String, Long> rows = perStatus("SELECT status, COUNT(*) FROM comments GROUP BY status");
            Map<String, Long> totals = perStatus("SELECT status, total FROM comment_totals");
            Map<String, Long> tabs = new TreeMap<>();
            // a desk of its own, so the moderator's page (and its undo) stays as it was
            Desk queue = new Desk(admin).open("/moderation");
            for (String status : STATUSES) {
                tabs.put(status, queue.count(status.toLowerCase()));
            }
            if (rows.equals(totals) && rows.equals(tabs)) {
                return;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(step + ": rows per status " + rows + ", comment_totals " + totals + ", the queue's tabs " + tabs);
            }
            Thread.sleep(100);
        }
    }

    private static Map<String, Long> perStatus(String query) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        STATUSES.forEach(status -> counts.put(status, 0L));
        try (Statement sql = db.connection().createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts;
    }

    // --- the page cache, seen in the query-count log

    private static String probe(String slug) {
        return "/articles/" + slug + "?probe=" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Whether a GET of the article now is answered from its kept page. */
    private static boolean fromPageCache(String slug) throws IOException {
        String path = probe(slug);
        assertEquals(200, WebClient.anonymous(server).get(path).status());
        return server.loggedRequests(path, 1).get(0).fromPageCache();
    }

    /** Makes sure the article has a kept page: after one GET that may render, the next is a hit. */
    private static void assertKeptAfterOneRender(String slug) throws IOException {
        fromPageCache(slug);
        assertTrue(fromPageCache(slug), "the second GET of " + slug + " comes from the page cache");
    }

    // --- doors and rows

    private static long posted(String text, Long parent) throws IOException {
        return Comments.postAndGetId(WebClient.anonymous(server), ARTICLE, "Writer", "writer." + TAG + "@example.com", text, parent);
    }

    private static void approve(long id) throws IOException {
        desk.open("/moderation?s=" + TAG).press(id, "Approve");
        assertEquals(List.of(), desk.errors());
    }

    private static int depth(long id) throws SQLException {
        return (int) count("SELECT depth FROM comments WHERE id = " + id);
    }

    private static String status(long id) throws SQLException {
        try (Statement sql = db.connection().createStatement(); ResultSet rs = sql.executeQuery("SELECT status FROM comments WHERE id = " + id)) {
            assertTrue(rs.next(), "comment " + id);
            return rs.getString(1);
        }
    }

    private static Long parentOf(long id) throws SQLException {
        try (Statement sql = db.connection().createStatement(); ResultSet rs = sql.executeQuery("SELECT parent_id FROM comments WHERE id = " + id)) {
            assertTrue(rs.next(), "comment " + id);
            long parent = rs.getLong(1);
            return rs.wasNull() ? null : parent;
        }
    }

    private static boolean exists(long id) throws SQLException {
        return count("SELECT COUNT(*) FROM comments WHERE id = " + id) == 1;
    }

    private static long idByText(String text) throws SQLException {
        try (PreparedStatement find = db.connection().prepareStatement("SELECT id FROM comments WHERE body LIKE ?")) {
            find.setString(1, "%" + text + "%");
            try (ResultSet rs = find.executeQuery()) {
                assertTrue(rs.next(), "no comment says " + text);
                return rs.getLong(1);
            }
        }
    }

    private static long wordPressComment(long wordPressId) throws SQLException {
        return count("SELECT id FROM comments WHERE wp_comment_id = " + wordPressId);
    }

    private static long count(String query) throws SQLException {
        try (Statement sql = db.connection().createStatement(); ResultSet rs = sql.executeQuery(query)) {
            assertTrue(rs.next(), query);
            return rs.getLong(1);
        }
    }
}
