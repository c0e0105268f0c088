package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.OtherAddressClient;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * "Your email address will not be published" must also mean: nobody learns from the answer to a
 * submission whether an address has written before. Each test sends one probe with an address that has
 * history and one with a fresh address, and compares what came back (status, header names, the shape
 * of the redirect), with ids and signatures normalised. Readers at other IP addresses post from other
 * loopback addresses (127.0.0.x).
 */
@ExtendWith(SharedServer.class)
class SubmissionOracleIT {

    private static final String ARTICLE = "your-email-stays-private";
    private static final Pattern AVATAR = Pattern.compile("/avatars/([0-9a-z]+)\\.svg");

    private ModeratoServer server;
    private WebClient admin;

    @BeforeEach
    void logIn(ModeratoServer server) throws IOException {
        this.server = server;
        admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
    }

    @AfterEach
    void restoreTestRules() throws IOException {
        admin.saveRules(Map.of("floodSeconds", "0", "moderationKeys", ""));
    }

    /** What an answer tells a prober: status, header names, and the redirect with numbers and signatures blanked. */
    private static String shape(HttpPage answer) {
        String location = answer.header("Location").orElse("").replaceAll("[0-9a-f]{64}", "H").replaceAll("\\d+", "N");
        TreeSet<String> names = new TreeSet<>();
        answer.headers().keySet().forEach(name -> names.add(name.toLowerCase(java.util.Locale.ROOT)));
        names.removeAll(List.of("date", "content-length"));
        return answer.status() + " " + names + " " + location;
    }

    private static long idOf(HttpPage posted) {
        return Comments.idOf(posted);
    }

    @Test
    void aDuplicateProbeAnswersAlikeWhetherTheAddressWroteTheTextOrNot() throws IOException {
        String victim = "victim." + Readers.unique() + "@example.org";
        String text = "Something only the victim said " + Readers.unique();
        assertEquals(303, new OtherAddressClient(server, "127.0.0.11").postComment(ARTICLE, "Victim", victim, text).status());

        HttpPage withVictimsAddress = new OtherAddressClient(server, "127.0.0.12").postComment(ARTICLE, "Prober", victim, text);
        HttpPage withFreshAddress = new OtherAddressClient(server, "127.0.0.13").postComment(ARTICLE, "Prober",
                "fresh." + Readers.unique() + "@example.org", text);
        assertEquals(303, withVictimsAddress.status(), "from another IP the same text is not a duplicate, whoever's address it carries");
        assertEquals(shape(withFreshAddress), shape(withVictimsAddress));

        // from the victim's own IP the text is a duplicate for every address alike
        OtherAddressClient victimsNetwork = new OtherAddressClient(server, "127.0.0.11");
        HttpPage again = victimsNetwork.postComment(ARTICLE, "Victim", victim, text);
        HttpPage againFresh = victimsNetwork.postComment(ARTICLE, "Someone", "other." + Readers.unique() + "@example.org", text);
        assertEquals(409, again.status());
        assertEquals(shape(again), shape(againFresh));
    }

    @Test
    void aFloodProbeAnswersAlikeWhetherTheAddressHasJustPostedOrNot() throws IOException {
        String victim = "hasty." + Readers.unique() + "@example.org";
        assertEquals(303, new OtherAddressClient(server, "127.0.0.21").postComment(ARTICLE, "Hasty", victim, "First " + Readers.unique()).status());
        admin.saveRules(Map.of("floodSeconds", "60"));

        HttpPage withVictimsAddress = new OtherAddressClient(server, "127.0.0.22").postComment(ARTICLE, "Prober", victim, "Probe " + Readers.unique());
        HttpPage withFreshAddress = new OtherAddressClient(server, "127.0.0.23").postComment(ARTICLE, "Prober",
                "calm." + Readers.unique() + "@example.org", "Probe " + Readers.unique());
        assertEquals(303, withVictimsAddress.status(), "the address's last comment does not count, only the IP's");
        assertEquals(shape(withFreshAddress), shape(withVictimsAddress));

        HttpPage sameIpAgain = new OtherAddressClient(server, "127.0.0.22").postComment(ARTICLE, "Prober",
                "any." + Readers.unique() + "@example.org", "Too soon " + Readers.unique());
        assertEquals(429, sameIpAgain.status(), "the flood check still works, by IP");
    }

    @Test
    void theRedirectHasOneShapeWhetherTheCommentWasPublishedOrHeld() throws IOException {
        WebClient regular = WebClient.withCookies(server);
        String address = "regular." + Readers.unique() + "@example.org";
        long first = idOf(regular.postCommentRemembered(ARTICLE, "Regular", address, "First " + Readers.unique()));
        admin.moderate("/moderation", first, "Approve");

        HttpPage trusted = regular.postCommentRemembered(ARTICLE, "Regular", address, "Trusted " + Readers.unique());
        HttpPage held = WebClient.withCookies(server).postCommentRemembered(ARTICLE, "Newcomer", "new." + Readers.unique() + "@example.org",
                "Held " + Readers.unique());
        assertTrue(Comments.isPublished(regular, ARTICLE, idOf(trusted)), "the regular's comment is public at once");
        assertFalse(Comments.isPublished(regular, ARTICLE, idOf(held)));
        assertTrue(trusted.location().contains("?unapproved=" + idOf(trusted) + "&moderation-hash="), trusted.location());
        assertEquals(shape(held), shape(trusted));
    }

    @Test
    void trustNeedsTheReturningCommenterTokenNotJustTheAddress() throws IOException {
        WebClient regular = WebClient.withCookies(server);
        String address = "known." + Readers.unique() + "@example.org";
        HttpPage posted = regular.postCommentRemembered(ARTICLE, "Known Regular", address, "First " + Readers.unique());
        String cookie = posted.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("moderato_returning=")).findFirst()
                .orElseThrow(() -> new AssertionError("no returning-commenter cookie: " + posted.headers()));
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/articles/"), cookie);
        admin.moderate("/moderation", idOf(posted), "Approve");

        // same name, same address, no token: held
        HttpPage impostor = WebClient.withCookies(server).postCommentRemembered(ARTICLE, "Known Regular", address, "Impostor " + Readers.unique());
        assertFalse(Comments.isPublished(regular, ARTICLE, idOf(impostor)), "the address alone earns no trust");
        assertTrue(admin.queueShowing("/moderation", idOf(impostor)).element("li", "queued-" + idOf(impostor)).contains("held: author not recognised in this browser"));

        // the regular's own browser: published at once; its token with another address: held
        assertTrue(Comments.isPublished(regular, ARTICLE, idOf(regular.postCommentRemembered(ARTICLE, "Known Regular", address,
                "Second " + Readers.unique()))));
        long otherAddress = idOf(regular.postCommentRemembered(ARTICLE, "Known Regular", "elsewhere." + Readers.unique() + "@example.org",
                "Third " + Readers.unique()));
        assertFalse(Comments.isPublished(regular, ARTICLE, otherAddress), "the token belongs to one address");
    }

    @Test
    void aPreviewShowsAnAvatarOfItsOwnUntilTheCommentIsPublic() throws IOException {
        WebClient regular = WebClient.anonymous(server);
        String address = "pictured." + Readers.unique() + "@example.org";
        long first = idOf(regular.postComment(ARTICLE, "Pictured", address, "", "First " + Readers.unique()));
        admin.moderate("/moderation", first, "Approve");
        String publicAvatar = avatarOf(regular.get("/articles/" + ARTICLE), first);

        HttpPage posted = regular.postComment(ARTICLE, "Pictured", address, "", "Held without the token " + Readers.unique());
        long second = idOf(posted);
        HttpPage preview = regular.get(posted.location().replaceFirst("#.*", ""));
        assertTrue(preview.element("li", "comment-" + second).contains("awaiting moderation"));
        String previewAvatar = avatarOf(preview, second);
        assertNotEquals(publicAvatar, previewAvatar, "the preview's picture does not link the comment to its author");
        assertEquals(publicAvatar, avatarOf(preview, first), "published comments keep their author's picture");

        admin.moderate("/moderation", second, "Approve");
        assertEquals(publicAvatar, avatarOf(regular.get("/articles/" + ARTICLE), second), "once public, the author's picture");
    }

    private static String avatarOf(HttpPage page, long commentId) {
        Matcher avatar = AVATAR.matcher(page.element("li", "comment-" + commentId));
        assertTrue(avatar.find(), "no avatar in comment " + commentId);
        return avatar.group(1);
    }

    @Test
    void aKeyListMatchOnTheAddressShowsModeratorsNoPlainAddress() throws IOException {
        String address = "listed." + Readers.unique() + "@watch.example";
        admin.saveRules(Map.of("moderationKeys", "loan\n" + address));
        long id = idOf(WebClient.anonymous(server).postComment(ARTICLE, "Listed", address, "", "Hello " + Readers.unique()));

        String moderatorName = "mod" + Readers.unique();
        assertTrue(admin.addUser(moderatorName, "MODERATOR", "a-long-moderator-password-1").body().contains("Account " + moderatorName + " added"));
        WebClient moderator = WebClient.withCookies(server);
        assertEquals(302, moderator.logIn(moderatorName, "a-long-moderator-password-1").status());
        String item = moderator.queueShowing("/moderation", id).element("li", "queued-" + id);
        assertTrue(item.contains("held: moderation list line 2 matches the email address"), item);
        String history = moderator.get("/moderation-comment?id=" + id).body();
        assertTrue(history.contains("moderation list line 2 matches the email address"), history);
        for (String page : List.of(item, history)) {
            assertFalse(page.contains(address), "plain address shown to a moderator");
            assertFalse(page.contains(address.substring(0, address.indexOf('@'))), "the address's local part shown to a moderator");
        }
    }

    @Test
    void aFormTokenServesOnceWhateverTheAddressAndARefusalSpendsIt() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String token = WebClient.formTokenOf(reader.get("/articles/" + ARTICLE));
        assertEquals(303, reader.postComment(ARTICLE, "One", "one." + Readers.unique() + "@example.org", "", "Once " + Readers.unique(), token).status());
        assertEquals(403, reader.postComment(ARTICLE, "Two", "two." + Readers.unique() + "@example.org", "", "Twice " + Readers.unique(), token).status(),
                "another address does not make the token new");

        // a refused post (a reply to a comment that is not public) spends its token too; its page brings a fresh one
        long pending = idOf(reader.postComment(ARTICLE, "Parent", "parent." + Readers.unique() + "@example.org", "", "Pending " + Readers.unique()));
        String refusedToken = WebClient.formTokenOf(reader.get("/articles/" + ARTICLE));
        HttpPage refused = reader.postComment(ARTICLE, "Early", "early." + Readers.unique() + "@example.org", "", "Too early " + Readers.unique(),
                refusedToken, pending);
        assertEquals(400, refused.status());
        assertEquals(403, reader.postComment(ARTICLE, "Early", "early." + Readers.unique() + "@example.org", "", "Retry " + Readers.unique(),
                refusedToken).status(), "the refused post used the token up");
        String fresh = WebClient.formTokenOf(refused);
        assertNotEquals(refusedToken, fresh);
        assertEquals(303, reader.postComment(ARTICLE, "Early", "early." + Readers.unique() + "@example.org", "", "Fixed " + Readers.unique(),
                fresh).status(), "the reader sends the form they got back");
    }

    @Test
    void theSameTokenSentTwiceAtTheSameInstantIsStoredOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 6; round++) {
                WebClient reader = WebClient.anonymous(server);
                String token = WebClient.formTokenOf(reader.get("/articles/" + ARTICLE));
                String tag = Readers.unique();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<HttpPage>> answers = new ArrayList<>();
                for (String which : List.of("left", "right")) {
                    answers.add(pool.submit(() -> {
                        start.await();
                        return reader.postComment(ARTICLE, "Racer", "racer." + tag + "@example.org", "", which + " " + tag, token);
                    }));
                }
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<HttpPage> answer : answers) {
                    statuses.add(answer.get().status());
                }
                statuses.sort(null);
                assertEquals(List.of(303, 403), statuses, "round " + round + ": one stored, one refused, no 500");
                String all = admin.get("/moderation?status=all&s=" + tag).body();
                int stored = (all.contains("left " + tag) ? 1 : 0) + (all.contains("right " + tag) ? 1 : 0);
                assertEquals(1, stored, "round " + round + ": exactly one comment stored");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
