package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.moderato.platform.DatabaseConfig;
import org.moderato.testing.Comments;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.WebClient;

/**
 * A site that started on H2 moves to PostgreSQL with {@code bin/move-to-postgres} and carries on there:
 * comments of every status (a reply among them), a moderator account, changed settings and sealed
 * addresses, every table's rows; refused while the H2 site runs and against a target that is not empty,
 * changing nothing. Then {@code bin/backup} and {@code bin/restore} on PostgreSQL ({@code pg_dump}).
 * Runs in the PostgreSQL execution only (it needs the run's private PostgreSQL).
 */
class MoveToPostgresIT {

    private static final String ARTICLE = "why-comments-need-moderation";
    private static final String MOVER = "mover";
    private static final String MOVER_PASSWORD = "moved-moderator-password-1";
    private static final Pattern QUEUED_EMAIL = Pattern.compile("class=\"queued-email\">([^<]*)<");

    @Test
    void anH2SiteMovesToAnEmptyPostgresDatabaseWithEverythingAndCarriesOn() throws Exception {
        assertTrue(ModeratoServer.onPostgres(), "runs in the postgres execution, which has a PostgreSQL for it");
        Path h2Dir = Files.createTempDirectory("moderato-h2-site-");
        String target = ModeratoServer.createPostgresDatabase(h2Dir);
        Map<String, String> h2 = Map.of(
                "MODERATO_ADMIN_PASSWORD", ModeratoServer.ADMIN_PASSWORD, "MODERATO_SECRET", ModeratoServer.SECRET,
                "MODERATO_DB_URL", DatabaseConfig.h2Url(h2Dir, ";WRITE_DELAY=0"));
        String tag = Readers.unique();
        long approved;
        long reply;
        long pending;
        String pendingEmailShown;
        String countsShown;
        try (ModeratoServer site = ModeratoServer.start(h2Dir, h2)) {
            site.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
            WebClient admin = WebClient.withCookies(site);
            admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
            assertTrue(admin.saveRules(Map.of("commentsPerPage", "37")).body().contains("Settings saved."));
            assertTrue(admin.addUser(MOVER, "MODERATOR", MOVER_PASSWORD).body().contains("Account " + MOVER + " added"));
            WebClient reader = WebClient.anonymous(site);
            approved = Comments.approved(reader, admin, ARTICLE, "Moved Reader", "moved." + tag + "@example.org", "Approved " + tag, null);
            reply = Comments.approved(reader, admin, ARTICLE, "Moved Replier", "replier." + tag + "@example.org", "Reply " + tag, approved);
            pending = Comments.postAndGetId(reader, ARTICLE, "Moved Waiter", "waiter." + tag + "@example.org", "Pending " + tag, null);
            long spam = Comments.postAndGetId(reader, ARTICLE, "Moved Spammer", "spam." + tag + "@example.org", "Spam " + tag, null);
            admin.moderate("/moderation", spam, "Spam");
            long trash = Comments.postAndGetId(reader, ARTICLE, "Moved Trash", "trash." + tag + "@example.org", "Trash " + tag, null);
            admin.moderate("/moderation", trash, "Trash");
            WebClient mover = WebClient.withCookies(site);
            mover.logIn(MOVER, MOVER_PASSWORD);
            pendingEmailShown = queuedEmail(mover.get("/moderation-comment?id=" + pending));
            countsShown = queueCounts(mover.get("/moderation"));

            Move running = move(h2Dir, target);
            assertEquals(2, running.status(), "refused while the site holds the H2 file: " + running.output());
            assertTrue(running.output().contains("stop the site first"), running.output());
            assertEquals(0, tableCount(target), "nothing written to the target");
        }

        Map<String, Long> h2Rows;
        try (DirectDatabase db = DirectDatabase.open(h2Dir)) {
            h2Rows = rowsPerTable(db.connection(), "PUBLIC");
        }
        Move moved = move(h2Dir, target);
        assertEquals(0, moved.status(), moved.output());
        Map<String, Long> pgRows;
        try (Connection pg = DriverManager.getConnection(target, ModeratoServer.POSTGRES_USER, "")) {
            pgRows = rowsPerTable(pg, "public");
            assertEquals(List.of("APPROVED", "APPROVED", "PENDING", "SPAM", "TRASH"),
                    statuses(pg, "Approved " + tag, "Reply " + tag, "Pending " + tag, "Spam " + tag, "Trash " + tag));
        }
        assertEquals(h2Rows, pgRows, "every table, every row");
        assertTrue(h2Rows.get("moderation_events") > 0 && h2Rows.get("rule_changes") > 0, "history moved too: " + h2Rows);

        // a new data directory: what the site needs besides the database is its secret, the same MODERATO_SECRET
        Path pgDir = Files.createTempDirectory("moderato-pg-site-");
        try (ModeratoServer site = ModeratoServer.start(pgDir, Map.of(
                "MODERATO_ADMIN_PASSWORD", "not-used-the-admin-exists", "MODERATO_SECRET", ModeratoServer.SECRET,
                "MODERATO_DB_URL", target, "MODERATO_DB_USER", ModeratoServer.POSTGRES_USER))) {
            WebClient reader = WebClient.anonymous(site);
            HttpPage page = reader.get("/articles/" + ARTICLE);
            assertTrue(page.hasElement("comment-" + approved) && page.hasElement("comment-" + reply), "both public comments shown");
            assertFalse(page.body().contains("Pending " + tag) || page.body().contains("Spam " + tag), "the others not");

            WebClient mover = WebClient.withCookies(site);
            mover.logIn(MOVER, MOVER_PASSWORD);
            HttpPage queue = mover.get("/moderation");
            assertEquals(200, queue.status(), "the moderator logs in with the same password");
            assertEquals(countsShown, queueCounts(queue), "the same counts of pending, approved, spam and trash comments");
            assertEquals(pendingEmailShown, queuedEmail(mover.get("/moderation-comment?id=" + pending)),
                    "the sealed address opens with the same secret");
            WebClient admin = WebClient.withCookies(site);
            admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
            assertTrue(admin.get("/admin/rules").body().contains("value=\"37\""), "the changed setting came along");

            long next = Comments.postAndGetId(reader, ARTICLE, "After Move", "after." + tag + "@example.org", "After " + tag, approved);
            assertTrue(next > Math.max(Math.max(approved, reply), pending), "new ids continue past the moved ones: " + next);
        }

        long commentsBefore = rowsOf(target, "comments");
        Move again = move(h2Dir, target);
        assertEquals(2, again.status(), again.output());
        assertTrue(again.output().contains("not empty"), again.output());
        assertEquals(commentsBefore, rowsOf(target, "comments"), "the refused run changed nothing");

        // on PostgreSQL, bin/backup is pg_dump; bin/restore puts it into an empty database
        Process backup = BackupRestoreIT.script("bin/backup", Map.of("MODERATO_DB_URL", target,
                "MODERATO_DB_USER", ModeratoServer.POSTGRES_USER, "MODERATO_DATA_DIR", pgDir.toString()));
        String backupOutput = new String(backup.getInputStream().readAllBytes());
        assertEquals(0, backup.waitFor(), backupOutput);
        String[] lines = backupOutput.strip().split("\n");
        String copy = ModeratoServer.createPostgresDatabase(Files.createTempDirectory("moderato-pg-restored-"));
        Process restore = BackupRestoreIT.script("bin/restore", Map.of("MODERATO_DB_URL", copy,
                "MODERATO_DB_USER", ModeratoServer.POSTGRES_USER), lines[lines.length - 1]);
        String restoreOutput = new String(restore.getInputStream().readAllBytes());
        assertEquals(0, restore.waitFor(), restoreOutput);
        try (Connection original = DriverManager.getConnection(target, ModeratoServer.POSTGRES_USER, "");
             Connection restored = DriverManager.getConnection(copy, ModeratoServer.POSTGRES_USER, "")) {
            assertEquals(rowsPerTable(original, "public"), rowsPerTable(restored, "public"));
        }
    }

    record Move(int status, String output) {}

    private static Move move(Path dataDir, String target) throws IOException, InterruptedException {
        Process process = BackupRestoreIT.script("bin/move-to-postgres", Map.of("MODERATO_DATA_DIR", dataDir.toString(),
                "MODERATO_DB_URL", target, "MODERATO_DB_USER", ModeratoServer.POSTGRES_USER));
        String output = new String(process.getInputStream().readAllBytes());
        return new Move(process.waitFor(), output);
    }

    private static String queuedEmail(HttpPage desk) {
        Matcher email = QUEUED_EMAIL.matcher(desk.body());
        assertTrue(email.find(), desk.body());
        assertTrue(email.group(1).contains("@"), "a masked address: " + email.group(1));
        return email.group(1);
    }

    /** The desk's views with their counts, as text ("Pending (3) Approved (12) ..."). */
    private static String queueCounts(HttpPage queue) {
        Matcher list = Pattern.compile("id=\"queue-views\">(.*?)</ul>", Pattern.DOTALL).matcher(queue.body());
        assertTrue(list.find(), queue.body());
        String views = list.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").strip();
        assertTrue(views.matches(".*\\(\\d+\\).*"), views);
        return views;
    }

    private static List<String> statuses(Connection db, String... bodies) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String body : bodies) {
            try (var find = db.prepareStatement("SELECT status FROM comments WHERE body LIKE ?")) {
                find.setString(1, "%" + body + "%");
                try (ResultSet rs = find.executeQuery()) {
                    assertTrue(rs.next(), "no comment " + body);
                    found.add(rs.getString(1));
                }
            }
        }
        return found;
    }

    /** Every table of the schema but Flyway's history, with its row count. */
    private static Map<String, Long> rowsPerTable(Connection db, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = db.getMetaData().getTables(null, schema, "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals("flyway_schema_history")) {
                    tables.add(name);
                }
            }
        }
        Map<String, Long> rows = new TreeMap<>();
        for (String table : tables) {
            try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                rows.put(table, rs.getLong(1));
            }
        }
        assertTrue(rows.size() > 20, "the whole schema: " + rows.keySet());
        return rows;
    }

    private static long rowsOf(String url, String table) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, ModeratoServer.POSTGRES_USER, "");
             Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static long tableCount(String url) throws SQLException {
        try (Connection db = DriverManager.getConnection(url, ModeratoServer.POSTGRES_USER, "");
             Statement sql = db.createStatement();
             ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
