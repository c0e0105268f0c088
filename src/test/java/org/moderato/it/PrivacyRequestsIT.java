package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import org.moderato.testing.Comments;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.PrivacyPages;
import org.moderato.testing.WebClient;

/**
 * Privacy requests and IP retention on a server of their own: one person with 1,002 comments (two
 * posted through the form, 1,000 seeded straight into the stopped server's database, backdated 40
 * days), replies to them by someone else, and a second person whose comment is deleted. The steps
 * build on each other, in order: export, anonymise, erase, delete, then look at the tables.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyRequestsIT {

    private static final String ARTICLE = "your-email-stays-private";
    private static final String OTHER_ARTICLE = "why-comments-need-moderation";
    private static final String SECRET = "privacy-requests-it-" + UUID.randomUUID();
    private static final int SEEDED = 1_000;
    private static final String SEEDED_IP = "203.0.113.77";
    private static final String SEEDED_AGENT = "SeededAgent/1.0";

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final String PERSON = "Person " + TAG;
    private static final String PERSON_EMAIL = "person." + TAG + "@erase-" + TAG + ".example";
    private static final String DELETED = "Deleted " + TAG;
    private static final String DELETED_EMAIL = "deleted." + TAG + "@example.org";
    private static final String REPLIER_EMAIL = "replier." + TAG + "@example.org";

    private static final String MODERATOR = "moderator-" + TAG;
    private static final String MODERATOR_PASSWORD = "moderator-password-" + TAG;

    private static ModeratoServer server;
    private static WebClient admin;
    private static PrivacyPages privacy;
    private static long approvedByPerson;
    private static long replyToPerson;
    private static long deletedComment;
    private static long replyToDeleted;

    @BeforeAll
    static void aPersonWithAThousandCommentsAndReplies() throws Exception {
        server = ModeratoServer.start(Files.createTempDirectory("moderato-privacy-"),
                Map.of("MODERATO_ADMIN_PASSWORD", ModeratoServer.ADMIN_PASSWORD, "MODERATO_SECRET", SECRET));
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
        logIn();
        WebClient reader = WebClient.anonymous(server);
        approvedByPerson = Comments.postAndGetId(reader, ARTICLE, PERSON, PERSON_EMAIL, "Approved words " + TAG, null);
        admin.moderate("/moderation", approvedByPerson, "Approve");
        Comments.postAndGetId(reader, OTHER_ARTICLE, PERSON, PERSON_EMAIL, "Second words " + TAG, null);
        replyToPerson = Comments.postAndGetId(reader, ARTICLE, "Replier", REPLIER_EMAIL, "A reply to them " + TAG, approvedByPerson);
        admin.moderate("/moderation", replyToPerson, "Approve");
        deletedComment = Comments.postAndGetId(reader, ARTICLE, DELETED, DELETED_EMAIL, "Words to delete " + TAG, null);
        admin.moderate("/moderation", deletedComment, "Approve");
        // a reader without the returning-commenter cookie is held even with an approved comment: approved by hand
        replyToDeleted = Comments.approved(reader, admin, ARTICLE, "Replier", REPLIER_EMAIL, "A reply that must survive " + TAG, deletedComment);

        server.stop();
        EmailVault vault = new EmailVault(TestSecrets.fromEnvironmentValue(SECRET), null);
        try (DirectDatabase db = DirectDatabase.open(server)) {
            db.addAccount(MODERATOR, MODERATOR_PASSWORD, "moderator");
            db.seedComments(DirectDatabase.SEED_IDS, SEEDED, OTHER_ARTICLE, PERSON, PERSON_EMAIL, vault, SEEDED_IP, SEEDED_AGENT,
                    Instant.now().minus(Duration.ofDays(40)));
        }
        server.start();
        logIn();
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
    void onlyAdminsReachThePrivacyPagesAndTheirActions() throws Exception {
        List<String> pages = List.of(PrivacyPages.REQUESTS, "/admin/privacy/reveal?comment=" + approvedByPerson, "/admin/privacy/log",
                "/admin/privacy/retention", "/admin/privacy/keys");
        WebClient anonymous = WebClient.anonymous(server);
        WebClient moderator = WebClient.withCookies(server);
        assertEquals(302, moderator.logIn(MODERATOR, MODERATOR_PASSWORD).status(), "the moderator account works");
        assertEquals(200, moderator.get("/moderation").status());
        for (String page : pages) {
            HttpPage stranger = anonymous.get(page);
            assertEquals(302, stranger.status(), page);
            assertTrue(stranger.location().endsWith("/login"), page + " -> " + stranger.location());
            HttpPage refused = moderator.get(page);
            assertEquals(403, refused.status(), "a moderator is not an admin: " + page);
            assertFalse(refused.body().contains(PERSON_EMAIL.substring(0, 10)));
        }
        HttpPage forged = moderator.postForm("/admin/privacy/reveal?comment=" + approvedByPerson,
                Map.of("revealform", "revealform", "reveal", "Reveal address", "jakarta.faces.ViewState", "stateless"));
        assertEquals(403, forged.status());
        assertFalse(forged.body().contains(PERSON_EMAIL.substring(0, 10)));
        assertFalse(privacy.log().body().contains("comment " + approvedByPerson + " shown"), "nothing was revealed");
    }

    @Test
    @Order(2)
    void theExportHoldsEveryCommentOfThePersonAndNothingOfAnyoneElse() throws Exception {
        HttpPage counted = privacy.count(PERSON_EMAIL.toUpperCase());
        assertTrue(counted.body().contains("1,002 comments stored with p•••@e•••.example."), counted.body());

        HttpPage export = privacy.export("  " + PERSON_EMAIL.toUpperCase() + " ");
        assertAll("a JSON download",
                () -> assertEquals(200, export.status()),
                () -> assertTrue(export.header("Content-Type").orElse("").startsWith("application/json"), export.headers().toString()),
                () -> assertTrue(export.header("Content-Disposition").orElse("").startsWith("attachment; filename=\"moderato-comments-")),
                () -> assertEquals("no-store", export.header("Cache-Control").orElse("")),
                () -> assertTrue(export.header("Content-Security-Policy").isPresent(), "the security headers survive the download"));
        String json = export.body();
        assertAll("every comment of the person, with everything stored about it",
                () -> assertTrue(json.startsWith("{\"exportedAt\":"), json.substring(0, 200)),
                () -> assertTrue(json.contains("\"email\":\"" + PERSON_EMAIL + "\",\"note\":"), "whose export it is"),
                () -> assertEquals(1_002, count(json, "\"author\":\"" + PERSON + "\",\"email\":\"" + PERSON_EMAIL + "\""),
                        "the decrypted address in each entry"),
                () -> assertEquals(1_002, count(json, "\"author\":\"" + PERSON + "\"")),
                () -> assertEquals(SEEDED, count(json, "\"ipAddress\":\"" + SEEDED_IP + "\"")),
                () -> assertEquals(SEEDED, count(json, "\"userAgent\":\"" + SEEDED_AGENT + "\"")),
                () -> assertTrue(json.contains("\"id\":" + approvedByPerson + ",\"article\":{\"slug\":\"" + ARTICLE + "\"")),
                () -> assertTrue(json.contains("\"text\":\"Approved words " + TAG + "\"")),
                () -> assertTrue(json.contains("\"status\":\"approved\"")),
                () -> assertFalse(json.contains("A reply to them"), "another person's reply is theirs, not this person's"),
                () -> assertFalse(json.contains(REPLIER_EMAIL)));
        assertTrue(privacy.log().body().contains("1,002 comments of p•••@e•••.example exported"), privacy.log().body());
    }

    @Test
    @Order(3)
    void ipAddressesAndBrowsersAreAnonymisedAfterTheRetentionPeriodOnly() throws Exception {
        HttpPage run = privacy.anonymiseNow();
        assertTrue(run.body().contains("1,000 comments anonymised."), "the 40-day-old ones, not the fresh ones: " + run.body());
        String json = privacy.export(PERSON_EMAIL).body();
        assertAll("old comments keep a truncated IP and no browser; new ones keep both",
                () -> assertEquals(SEEDED, count(json, "\"ipAddress\":\"203.0.113.0\"")),
                () -> assertEquals(0, count(json, SEEDED_IP)),
                () -> assertEquals(0, count(json, SEEDED_AGENT)),
                () -> assertEquals(SEEDED, count(json, "\"userAgent\":null")),
                () -> assertEquals(2, count(json, "\"ipAddress\":\"127.0.0.1\"")));
        assertTrue(privacy.anonymiseNow().body().contains("No comment was due: nothing changed."), "each comment once");

        HttpPage refused = privacy.setRetention("-1");
        assertTrue(refused.body().contains("Enter a number of days from 0 to 3650."), refused.body());
        assertTrue(privacy.setRetention("0").body().contains("Saved: IP addresses and browsers are anonymised after 0 days."));
        assertTrue(privacy.anonymiseNow().body().contains("comments anonymised."));
        String after = privacy.export(PERSON_EMAIL).body();
        assertEquals(2, count(after, "\"ipAddress\":\"127.0.0.0\""), "with 0 days, the fresh comments too");
        assertEquals(0, count(after, "127.0.0.1"));
        assertTrue(privacy.setRetention("30").body().contains("after 30 days"));
        assertTrue(privacy.log().body().contains("IP address and user agent retention: 30 → 0 days"));
    }

    @Test
    @Order(4)
    void erasingForgetsThePersonAndKeepsTheTextAndOtherPeoplesReplies() throws Exception {
        HttpPage unconfirmed = privacy.eraseWithoutConfirming(PERSON_EMAIL);
        assertTrue(unconfirmed.body().contains("Tick this box to confirm: an erasure cannot be undone."), unconfirmed.body());
        assertTrue(privacy.count(PERSON_EMAIL).body().contains("1,002 comments stored"), "nothing erased without the tick");

        Instant before = Instant.now();
        HttpPage erased = privacy.erase(PERSON_EMAIL, false);
        Duration took = Duration.between(before, Instant.now());
        System.out.println("Erased 1,002 comments in " + took.toMillis() + " ms");
        assertTrue(erased.body().contains("1,002 comments of p•••@e•••.example erased: the author is now “Anonymous”;"
                + " email, website, IP address and browser are gone; the text stays."), erased.body());
        assertTrue(privacy.count(PERSON_EMAIL).body().contains("0 comments stored with"));
        assertTrue(privacy.export(PERSON_EMAIL).body().contains("No comment is stored with p•••@e•••.example: there is nothing to export."));

        HttpPage article = WebClient.anonymous(server).get("/articles/" + ARTICLE);
        String comment = article.element("li", "comment-" + approvedByPerson);
        assertAll("the comment is still there, by nobody in particular",
                () -> assertTrue(comment.contains("<b class=\"fn\">Anonymous</b>"), comment),
                () -> assertTrue(comment.contains("Approved words " + TAG), comment),
                () -> assertTrue(comment.contains("/avatars/anonymous.svg"), "the avatar no longer tells it apart: " + comment),
                () -> assertTrue(article.hasElement("comment-" + replyToPerson), "the reply by someone else stays"));
        assertTrue(privacy.log().body().contains("1,002 comments of p•••@e•••.example anonymised, text kept"));
    }

    @Test
    @Order(5)
    void deletingRemovesTheCommentsAndMovesOtherPeoplesRepliesUp() throws Exception {
        HttpPage deleted = privacy.erase(DELETED_EMAIL, true);
        assertTrue(deleted.body().contains("1 comment of d•••@e•••.org deleted."), deleted.body());

        HttpPage article = WebClient.anonymous(server).get("/articles/" + ARTICLE);
        assertFalse(article.hasElement("comment-" + deletedComment));
        assertFalse(article.body().contains("Words to delete " + TAG));
        assertTrue(article.element("li", "comment-" + replyToDeleted).contains("A reply that must survive " + TAG));
        assertFalse(admin.get("/moderation?status=approved").hasElement("queued-" + deletedComment), "gone from the queue too");
        // the surviving reply now answers what the deleted comment answered (the article itself) and can be replied to
        long answer = Comments.postAndGetId(WebClient.anonymous(server), ARTICLE, "Replier", REPLIER_EMAIL, "Still threaded " + TAG, replyToDeleted);
        assertTrue(answer > 0);
    }

    @Test
    @Order(6)
    void noTableHoldsAnythingOfTheErasedPeopleAnyMore() throws Exception {
        server.stop();
        String personIndex = new EmailVault(TestSecrets.fromEnvironmentValue(SECRET), null).blindIndex(PERSON_EMAIL);
        try (DirectDatabase db = DirectDatabase.open(server)) {
            assertAll("nothing left in any column of any table",
                    () -> assertEquals(List.of(), db.cellsContaining(PERSON), "name"),
                    () -> assertEquals(List.of(), db.cellsContaining("person." + TAG), "address"),
                    () -> assertEquals(List.of(), db.cellsContaining("https://person-"), "website"),
                    () -> assertEquals(List.of(), db.cellsContaining(SEEDED_AGENT), "user agent"),
                    () -> assertEquals(List.of(), db.cellsContaining(DELETED), "deleted author"),
                    () -> assertEquals(List.of(), db.cellsContaining("Words to delete " + TAG), "deleted text"),
                    () -> assertEquals(List.of(), db.cellsContaining(personIndex), "blind index (comments, spent form tokens)"));
            try (var rows = db.connection().createStatement().executeQuery(
                    "SELECT COUNT(*) FROM comments WHERE author_name = 'Anonymous' AND email_index IS NULL AND ip_address IS NULL")) {
                rows.next();
                assertEquals(1_002, rows.getLong(1));
            }
            try (var events = db.connection().createStatement().executeQuery(
                    "SELECT COUNT(*), COUNT(note) FROM moderation_events WHERE comment_id = " + approvedByPerson)) {
                events.next();
                assertEquals(2, events.getLong(1), "the history stays: posted, approved");
                assertEquals(0, events.getLong(2), "its notes (the rules' reasons) go");
            }
        }
    }

    private static int count(String text, String needle) {
        Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
