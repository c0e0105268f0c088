package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.moderato.platform.TestSecrets;
import org.moderato.privacy.EmailVault;
import org.moderato.testing.AdminWebhooks;
import org.moderato.testing.Comments;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.PrivacyPages;
import org.moderato.testing.WebClient;
import org.moderato.webhook.WebhookSecrets;

/**
 * The key's whole life on one data directory, in order: a generated secret, an admin's rotation while
 * readers and moderators keep working (3,002 addresses re-encrypted and re-indexed in the background;
 * trust and "always hold" survive), a database that no longer depends on the old secret, a lost key
 * (restart with a different MODERATO_SECRET: "unknown", nothing broken), and an operator's rotation of
 * MODERATO_SECRET with MODERATO_PREVIOUS_SECRET. "While the rotation runs" is a state the test holds,
 * not a race it hopes to win: it locks the last address to re-encrypt until it has seen what it wants.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyLifecycleIT {

    private static final String ARTICLE = "welcome-to-moderato";
    private static final int SEEDED = 3_000;
    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final String TRUSTED = "trusted." + TAG + "@keys.example";
    private static final String HELD = "held." + TAG + "@keys.example";
    private static final String BULK = "bulk." + TAG + "@keys.example";
    private static final String LATE = "late." + TAG + "@keys.example";
    private static final Pattern ROTATION_STATE = Pattern.compile("<p id=\"rotation-state\"[^>]*>(.*?)</p>", Pattern.DOTALL);

    private static ModeratoServer server;
    private static WebClient admin;
    private static PrivacyPages privacy;
    private static long trustedFirst;
    private static long heldFirst;
    private static EmailVault.Keys oldKeys;
    private static EmailVault.Keys newKeys;
    private static String newKeyId;
    private static long lateComment;
    private static String replacementSecret;
    /** A webhook's signing secret, sealed with the site secret: sealed again before the old secret is forgotten. */
    private static String webhookSecret;
    /** A copy of the generated secret.key the rotation replaces. */
    private static Path oldSecretFile;
    private static long afterLoss;
    /** The trusted author's browser, with the returning-commenter cookie of their approved comment. */
    private static WebClient trustedReader;

    @BeforeAll
    static void aSiteWithATrustedAuthorAHeldAuthorAndThreeThousandAddresses() throws Exception {
        // no MODERATO_SECRET: the generated secret.key is what an admin can rotate from the keys page
        Path dataDir = Files.createTempDirectory("moderato-keys-");
        Map<String, String> settings = new HashMap<>(ModeratoServer.databaseOpenToTests(dataDir));
        settings.put("MODERATO_ADMIN_PASSWORD", ModeratoServer.ADMIN_PASSWORD);
        server = ModeratoServer.start(dataDir, settings);
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
        logIn();
        trustedReader = WebClient.withCookies(server);
        trustedFirst = Comments.idOf(trustedReader.postCommentRemembered(ARTICLE, "Trusted", TRUSTED, "Trusted first " + TAG));
        WebClient reader = WebClient.anonymous(server);
        admin.moderate("/moderation", trustedFirst, "Approve");
        heldFirst = Comments.postAndGetId(reader, ARTICLE, "Held", HELD, "Held first " + TAG, null);
        admin.moderate("/moderation", heldFirst, "Approve");
        admin.moderate("/moderation?status=approved", heldFirst, "Always hold author");

        oldKeys = TestSecrets.fromKeyFile(server.dataDir().resolve("secret.key"));
        oldSecretFile = Files.createTempFile("moderato-old-secret-", ".key");
        Files.copy(server.dataDir().resolve("secret.key"), oldSecretFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        // seeded into the stopped server's database, labelled as before V009 (the secret's fingerprint):
        // the start-up that follows must relabel them
        server.stop();
        try (DirectDatabase db = DirectDatabase.open(server)) {
            db.seedComments(DirectDatabase.SEED_IDS, SEEDED, "why-comments-need-moderation", "Bulk", BULK, new EmailVault(oldKeys, null),
                    "198.51.100.7", "BulkAgent/1.0", Instant.now());
        }
        server.start();
        logIn();
        webhookSecret = AdminWebhooks.add(admin, "http://127.0.0.1:9/hook", "held");
    }

    private static void logIn() throws Exception {
        admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        privacy = new PrivacyPages(admin);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    @Order(1)
    void anAdminRotatesTheSecretAndTheSiteKeepsWorkingWhileAddressesAreReencrypted() throws Exception {
        HttpPage before = privacy.keys();
        String oldKeyId = text(before, "span", "current-key");
        assertTrue(oldKeyId.matches("[0-9a-f]{16}"), oldKeyId);
        assertNotEquals(oldKeys.id(), oldKeyId, "the key id is a random label, not the secret's fingerprint");
        assertEquals("3002", text(before, "td", "addresses-current"), "rows labelled with the fingerprint (before V009) were relabelled");
        WebClient reader = WebClient.anonymous(server);
        HttpPage formOpenedBefore = reader.get("/articles/" + ARTICLE);

        // the last address to re-encrypt is locked by the test: the rotation runs until the test lets it go
        // (closing the connection rolls the lock back, also when an assertion fails on the way)
        Instant rotationStarted;
        String stateRightAfter;
        String stateDuring;
        try (DirectDatabase holder = DirectDatabase.openWhileRunning(server); Statement lock = holder.connection().createStatement()) {
            holder.connection().setAutoCommit(false);
            lock.executeQuery("SELECT id FROM comments WHERE id = " + (DirectDatabase.SEED_IDS + SEEDED - 1) + " FOR UPDATE").close();

            rotationStarted = Instant.now();
            HttpPage rotated = privacy.rotate();
            assertTrue(rotated.body().contains("New site secret in place. Addresses are being re-encrypted in the background"), rotated.body());
            stateRightAfter = rotationState(rotated);

            // while the re-encryption runs: readers read and post, moderators moderate, authors are still recognised
            long byTrusted = Comments.idOf(trustedReader.postCommentRemembered(ARTICLE, "Trusted", TRUSTED, "Trusted during rotation " + TAG));
            assertTrue(Comments.isPublished(reader, ARTICLE, byTrusted), "still trusted during the rotation");
            HttpPage byHeld = Comments.post(reader, ARTICLE, "Held", HELD, "Held during rotation " + TAG, null);
            assertFalse(Comments.isPublished(reader, ARTICLE, Comments.idOf(byHeld)), "still always held during the rotation");
            assertEquals(200, reader.get("/").status());
            assertEquals(200, reader.get("/articles/" + ARTICLE).status());
            Matcher oldToken = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"").matcher(formOpenedBefore.body());
            assertTrue(oldToken.find());
            HttpPage withOldForm = reader.postComment(ARTICLE, "Late", LATE, "", "A form opened before the rotation " + TAG, oldToken.group(1));
            assertEquals(303, withOldForm.status(), "a form opened before the rotation still posts: " + withOldForm.body());
            lateComment = Comments.idOf(withOldForm);
            stateDuring = rotationState(privacy.keys());
            holder.connection().rollback();
        }

        HttpPage done = awaitRotationFinished();
        System.out.println("Rotation of 3,002 addresses seen finished after " + Duration.between(rotationStarted, Instant.now()).toMillis() + " ms");
        newKeys = TestSecrets.fromKeyFile(server.dataDir().resolve("secret.key"));
        newKeyId = text(done, "span", "current-key");
        assertAll("finished: one key, every address on it, the old secret gone",
                () -> assertTrue(stateRightAfter.contains("Re-encrypting in the background"), "the rotate page came back at once: " + stateRightAfter),
                () -> assertTrue(stateDuring.contains("Re-encrypting in the background"), "all of the above happened during the rotation: " + stateDuring),
                () -> assertNotEquals(oldKeyId, newKeyId),
                () -> assertNotEquals(newKeys.id(), newKeyId),
                () -> assertEquals("3005", text(done, "td", "addresses-current")),
                () -> assertEquals("0", text(done, "td", "addresses-unreadable")),
                () -> assertFalse(done.hasElement("previous-key")),
                () -> assertFalse(Files.exists(server.dataDir().resolve("secret.key.previous")), "the previous secret is deleted"),
                () -> assertTrue(rotationState(done).contains("Last pass: 3002 re-encrypted, 0 unreadable."), rotationState(done)));

        assertTrue(admin.queueShowing("/moderation", lateComment).element("li", "queued-" + lateComment).contains("l•••@k•••.example"));
        HttpPage revealed = privacy.reveal(trustedFirst);
        assertEquals(TRUSTED, text(revealed, "output", "revealed-address"));
        String json = privacy.export(BULK).body();
        assertEquals(SEEDED, json.split(Pattern.quote("\"email\":\"" + BULK + "\",\"website\"")).length - 1, "all readable with the new key");
        // the returning-commenter token was signed with the replaced secret, which may have leaked: it no longer counts
        long afterRotation = Comments.idOf(trustedReader.postCommentRemembered(ARTICLE, "Trusted", TRUSTED, "Trusted after rotation " + TAG));
        assertFalse(Comments.isPublished(reader, ARTICLE, afterRotation), "a new secret ends the tokens of the old one");
        assertFalse(Comments.isPublished(reader, ARTICLE, Comments.postAndGetId(reader, ARTICLE, "Held", HELD, "Held after rotation " + TAG, null)));
        String log = privacy.log().body();
        assertTrue(log.contains("site secret " + oldKeyId + " replaced by " + newKeyId), log);
        assertTrue(log.contains("re-encryption finished: 3,002 addresses moved to key " + newKeyId), log);
    }

    @Test
    @Order(2)
    void theStoredAddressesAndIndexesNoLongerDependOnTheOldSecret() throws Exception {
        server.stop();
        EmailVault oldVault = new EmailVault(oldKeys, null);
        EmailVault newVault = new EmailVault(newKeys, null);
        List<String> problems = new ArrayList<>();
        int rows = 0;
        try (DirectDatabase db = DirectDatabase.open(server); Statement sql = db.connection().createStatement()) {
            try (ResultSet rs = sql.executeQuery("SELECT id, email_ciphertext, email_index, email_key_id FROM comments WHERE email_ciphertext IS NOT NULL")) {
                while (rs.next()) {
                    rows++;
                    Optional<String> address = newVault.decrypt(rs.getString(2));
                    if (address.isEmpty() || oldVault.decrypt(rs.getString(2)).isPresent()
                            || !newVault.blindIndex(address.get()).equals(rs.getString(3))
                            || oldVault.blindIndex(address.get()).equals(rs.getString(3))
                            || !newKeyId.equals(rs.getString(4))) {
                        problems.add("comment " + rs.getLong(1));
                    }
                }
            }
            try (ResultSet held = sql.executeQuery("SELECT email_index FROM held_authors")) {
                assertTrue(held.next());
                assertEquals(newVault.blindIndex(HELD), held.getString(1), "'always hold' moved to the new index");
                assertFalse(held.next());
            }
            assertEquals(List.of(), db.cellsContaining("trusted." + TAG));
            assertEquals(List.of(), db.cellsContaining("bulk." + TAG));
            assertEquals(List.of(), db.cellsContaining(oldKeys.id()), "no fingerprint of the old secret is left, not even in the log");
            assertEquals(List.of(), db.cellsContaining(newKeys.id()), "nor of the new one");
            try (ResultSet hook = sql.executeQuery("SELECT secret FROM webhooks")) {
                assertTrue(hook.next());
                String sealed = hook.getString(1);
                assertEquals(Optional.of(webhookSecret), TestSecrets.openSealed(server.dataDir().resolve("secret.key"), WebhookSecrets.PURPOSE, sealed),
                        "the webhook's secret was sealed again with the new secret before the old one was forgotten");
                assertEquals(Optional.empty(), TestSecrets.openSealed(oldSecretFile, WebhookSecrets.PURPOSE, sealed));
            }
        }
        assertEquals(3_007, rows);
        assertEquals(List.of(), problems, "rows still readable with the old key, or not with the new one, or indexed with the old");

        // rows written before key ids were recorded (an upgrade to V004) are labelled at the next start
        try (DirectDatabase db = DirectDatabase.open(server); Statement sql = db.connection().createStatement()) {
            assertEquals(10, sql.executeUpdate("UPDATE comments SET email_key_id = NULL WHERE id < " + (DirectDatabase.SEED_IDS + 10)
                    + " AND id >= " + DirectDatabase.SEED_IDS));
        }
        server.start();
        logIn();
        assertEquals(HELD, text(privacy.reveal(heldFirst), "output", "revealed-address"), "the new secret.key was kept");
        assertEquals("3007", text(awaitRotationFinished(), "td", "addresses-current"), "the ten unlabelled rows were recognised");
    }

    @Test
    @Order(3)
    void aLostKeyMakesAddressesUnknownAndTheSiteKeepsWorking() throws Exception {
        server.stop();
        replacementSecret = "replacement-" + UUID.randomUUID();
        server = ModeratoServer.start(server.dataDir(), Map.of("MODERATO_SECRET", replacementSecret));
        logIn();
        WebClient reader = WebClient.anonymous(server);
        HttpPage article = reader.get("/articles/" + ARTICLE);
        assertEquals(200, article.status());
        assertTrue(article.hasElement("comment-" + trustedFirst), "approved comments are still shown");

        String queued = admin.get("/moderation?status=approved").element("li", "queued-" + trustedFirst);
        assertTrue(queued.contains("<span class=\"queued-email\">unknown</span>"), queued);
        HttpPage reveal = privacy.reveal(trustedFirst);
        assertTrue(reveal.hasElement("revealed-address-lost"), reveal.body());
        HttpPage keys = privacy.keys();
        assertAll("the keys page tells the admin what happened",
                () -> assertEquals("0", text(keys, "td", "addresses-current")),
                () -> assertEquals("3007", text(keys, "td", "addresses-unreadable")),
                () -> assertTrue(keys.hasElement("rotate-by-environment"), "no in-app rotation of an environment secret"),
                () -> assertFalse(keys.hasElement("rotateform")));

        afterLoss = Comments.postAndGetId(reader, ARTICLE, "Trusted", TRUSTED, "After the key was lost " + TAG, null);
        String pending = admin.queueShowing("/moderation", afterLoss).element("li", "queued-" + afterLoss);
        assertTrue(pending.contains("t•••@k•••.example"), "new comments are sealed with the new key: " + pending);
        assertTrue(privacy.log().body().contains("address of comment " + trustedFirst + " could not be decrypted (its key is lost)"));
    }

    @Test
    @Order(4)
    void anOperatorRotatesMODERATO_SECRETWithThePreviousValueAndStartUpReencrypts() throws Exception {
        server.stop();
        String next = "next-" + UUID.randomUUID();
        server = ModeratoServer.start(server.dataDir(), Map.of("MODERATO_SECRET", next, "MODERATO_PREVIOUS_SECRET", replacementSecret));
        logIn();
        HttpPage keys = awaitRotationFinished();
        EmailVault.Keys nextKeys = TestSecrets.fromEnvironmentValue(next);
        String nextKeyId = text(keys, "span", "current-key");
        assertAll("the one address sealed with the replaced secret moved; the lost ones stay unknown",
                () -> assertTrue(nextKeyId.matches("[0-9a-f]{16}") && !nextKeyId.equals(nextKeys.id()) && !nextKeyId.equals(newKeyId), nextKeyId),
                () -> assertEquals("1", text(keys, "td", "addresses-current")),
                () -> assertEquals("3007", text(keys, "td", "addresses-unreadable")));
        assertEquals(TRUSTED, text(privacy.reveal(afterLoss), "output", "revealed-address"));
    }

    private static HttpPage awaitRotationFinished() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        while (Instant.now().isBefore(deadline)) {
            HttpPage keys = privacy.keys();
            if (rotationState(keys).contains("Every readable address uses the current key.")) {
                return keys;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the re-encryption did not finish: " + rotationState(privacy.keys()));
    }

    private static String rotationState(HttpPage page) {
        Matcher state = ROTATION_STATE.matcher(page.body());
        assertTrue(state.find(), page.body());
        return state.group(1).replaceAll("<[^>]+>", "").replaceAll("\\s+", " ").strip();
    }

    private static String text(HttpPage page, String tag, String id) {
        return page.element(tag, id).replaceAll("<[^>]+>", "").strip();
    }
}
