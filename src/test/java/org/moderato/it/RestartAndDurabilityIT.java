package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.moderato.platform.DatabaseConfig;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * The first start, a clean restart and a {@code kill -9}, on one data directory of its own. The steps
 * build on each other (that is the point: data written before a restart is read after it), so they run
 * in order on a server no other test uses.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartAndDurabilityIT {

    private static final String ARTICLE = "your-email-stays-private";
    private static final int POSTERS = 4;
    private static final Pattern LOGGED_PASSWORD = Pattern.compile("username 'admin', password '([^']+)'");

    private static ModeratoServer server;
    private static String adminPassword;
    private static long approvedId;
    private static long pendingId;
    private static long spamId;
    private static final String CANARY = "canary-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";

    @BeforeAll
    static void firstStartWithoutAnAdminPassword() throws IOException {
        server = ModeratoServer.start(Files.createTempDirectory("moderato-restart-"), Map.of());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    @Order(1)
    void theFirstStartGeneratesAnAdminPasswordShownOnceAndKeptInAnOwnerOnlyFile() throws IOException {
        Matcher logged = LOGGED_PASSWORD.matcher(server.log());
        assertTrue(logged.find(), "the generated password is in the log");
        adminPassword = logged.group(1);
        assertTrue(adminPassword.length() >= 16);

        Path file = server.dataDir().resolve("admin-password.txt");
        assertEquals(adminPassword, Files.readString(file).strip());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve("secret.key"))));
        assertEquals(302, WebClient.withCookies(server).logIn("admin", adminPassword).status());
        server.allowQuickPosting(adminPassword);
    }

    @Test
    @Order(2)
    void commentsInEveryStatusSurviveACleanRestart() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        approvedId = post(reader, "Approved before restart", CANARY);
        pendingId = post(reader, "Pending before restart", "pending@example.net");
        spamId = post(reader, "Spam before restart", "spam@example.net");
        WebClient staff = WebClient.withCookies(server);
        staff.logIn("admin", adminPassword);
        staff.moderate("/moderation", approvedId, "Approve");
        staff.moderate("/moderation", spamId, "Spam");

        server.stop();
        server.start();

        assertEquals(1, Pattern.compile("username 'admin', password").matcher(server.log()).results().count(),
                "no second admin password is generated on a restart");
        HttpPage article = reader.get("/articles/" + ARTICLE);
        assertTrue(article.element("li", "comment-" + approvedId).contains("Approved before restart"));
        assertFalse(article.body().contains("Pending before restart"));
        assertFalse(article.body().contains("Spam before restart"));
        WebClient staffAgain = WebClient.withCookies(server);
        assertEquals(302, staffAgain.logIn("admin", adminPassword).status(), "the same password still works");
        assertTrue(staffAgain.get("/moderation").hasElement("queued-" + pendingId));
        assertTrue(staffAgain.get("/moderation?status=spam").hasElement("queued-" + spamId));
        assertTrue(staffAgain.get("/moderation?status=approved").hasElement("queued-" + approvedId));
    }

    @Test
    @Order(3)
    void everyCommentThatGotItsRedirectSurvivesKillDashNine() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            acknowledged.add(post(reader, "Acknowledged " + i + " " + UUID.randomUUID(), "burst" + i + "@example.net"));
        }
        server.kill();
        server.start();

        WebClient staff = WebClient.withCookies(server);
        staff.logIn("admin", adminPassword);
        HttpPage queue = staff.get("/moderation");
        for (long id : acknowledged.subList(acknowledged.size() - 10, acknowledged.size())) {
            assertTrue(queue.hasElement("queued-" + id) || staff.get("/moderation").hasElement("queued-" + id), "comment " + id);
        }
        Matcher pendingCount = Pattern.compile("id=\"view-pending\"[^>]*>Pending\\s*<span class=\"count\">\\((\\d+)\\)").matcher(queue.body());
        assertTrue(pendingCount.find(), queue.body());
        assertEquals(acknowledged.size() + 1, Integer.parseInt(pendingCount.group(1)), "all 40 and the earlier pending one");
    }

    @Test
    @Order(4)
    void theDatabaseHoldsNoPlainAddressAndOnlyPbkdf2PasswordHashes() throws Exception {
        server.stop();
        String url = DatabaseConfig.h2Url(server.dataDir(), ";ACCESS_MODE_DATA=r");
        try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement sql = db.createStatement()) {
            try (ResultSet hashes = sql.executeQuery("SELECT password_hash FROM accounts")) {
                assertTrue(hashes.next());
                assertTrue(hashes.getString(1).startsWith("PBKDF2WithHmacSHA512:210000:"), hashes.getString(1));
            }
        }
        try (DirectDatabase db = DirectDatabase.open(server)) {
            assertTrue(db.cellsContaining("Restart Tester").contains("COMMENTS.AUTHOR_NAME"), "the scan does see the comments");
            assertEquals(List.of(), db.cellsContaining(CANARY.substring(0, CANARY.indexOf('@'))));
        }
        byte[] raw = Files.readAllBytes(server.dataDir().resolve("moderato.mv.db"));
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).contains(CANARY.substring(0, CANARY.indexOf('@'))),
                "not even in the raw file");
        server.start();
    }

    @Test
    @Order(5)
    void underPostingLoadFromSeveralConnectionsEveryAcknowledgedCommentSurvivesKillDashNineOnce() throws Exception {
        killDashNineUnderPostingLoad(server);
    }

    /**
     * {@link #POSTERS} readers post to a running server until it is killed with {@code kill -9} after 40
     * acknowledgements; after a restart every comment that got its 303 is stored, once. Leaves the server stopped.
     */
    static void killDashNineUnderPostingLoad(ModeratoServer server) throws Exception {
        String run = "Load " + UUID.randomUUID().toString().substring(0, 8);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean killed = new AtomicBoolean();
        AtomicInteger cutOff = new AtomicInteger();
        ExecutorService posters = Executors.newFixedThreadPool(POSTERS);
        List<Future<?>> running = new ArrayList<>();
        for (int p = 0; p < POSTERS; p++) {
            int poster = p;
            running.add(posters.submit(() -> {
                // each thread its own client: its own connections, as several readers
                WebClient reader = WebClient.anonymous(server);
                // until the kill: the request then in flight is cut off, or the next one is refused
                for (int i = 0; ; i++) {
                    String text = run + " poster " + poster + " comment " + i;
                    try {
                        HttpPage posted = reader.postComment(ARTICLE, "Load Tester", "load" + poster + "@example.net", "", text);
                        if (posted.status() == 303) {
                            acknowledged.add(text);
                        } else if (!killed.get()) {
                            throw new AssertionError("refused under load: " + posted + "\n" + posted.body());
                        }
                    } catch (IOException cutByTheKill) {
                        if (!killed.get()) {
                            throw new AssertionError("failed before the kill: " + text, cutByTheKill);
                        }
                        if (!(cutByTheKill instanceof java.net.ConnectException)) {
                            cutOff.incrementAndGet();
                        }
                        return null;
                    }
                }
            }));
        }
        Instant deadline = Instant.now().plusSeconds(120);
        while (acknowledged.size() < 40 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        int beforeKill = acknowledged.size();
        killed.set(true);
        server.kill();
        posters.shutdown();
        for (Future<?> poster : running) {
            poster.get(60, TimeUnit.SECONDS);
        }
        assertTrue(beforeKill >= 40, "the posters got going: " + beforeKill);
        assertTrue(cutOff.get() > 0, "the kill came while requests were in flight");

        server.start();
        assertEquals(200, WebClient.anonymous(server).get("/articles/" + ARTICLE).status(), "the killed server starts again");
        server.stop();
        Map<String, Integer> stored = new HashMap<>();
        try (DirectDatabase db = DirectDatabase.open(server);
             PreparedStatement select = db.connection().prepareStatement("SELECT body, COUNT(*) FROM comments WHERE body LIKE ? GROUP BY body")) {
            select.setString(1, run + "%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        List<String> lostOrDoubled = acknowledged.stream().filter(text -> stored.getOrDefault(text, 0) != 1).sorted().toList();
        assertEquals(List.of(), lostOrDoubled, "of " + acknowledged.size() + " acknowledged, each stored once (stored: " + stored.size() + ")");
        System.out.println("kill -9 under load: " + acknowledged.size() + " acknowledged by " + POSTERS + " posters, "
                + cutOff.get() + " cut off in flight, " + stored.size() + " stored");
    }

    private static long post(WebClient reader, String text, String email) throws IOException {
        HttpPage posted = reader.postComment(ARTICLE, "Restart Tester", email, "", text);
        assertEquals(303, posted.status(), posted.body());
        Matcher id = Pattern.compile("unapproved=(\\d+)").matcher(posted.location());
        assertTrue(id.find());
        return Long.parseLong(id.group(1));
    }
}
