package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/** Login, the moderator queue and its protections, over plain HTTP against the real server. */
@ExtendWith(SharedServer.class)
class StaffAccessIT {

    private static final String ARTICLE = "welcome-to-moderato";

    static long postPending(WebClient reader, String text, String email) throws IOException {
        HttpPage posted = reader.postComment(ARTICLE, "Queue Tester", email, "", text);
        assertEquals(303, posted.status(), posted.body());
        Matcher id = Pattern.compile("unapproved=(\\d+)").matcher(posted.location());
        assertTrue(id.find(), posted.location());
        return Long.parseLong(id.group(1));
    }

    static WebClient loggedInAdmin(ModeratoServer server) throws IOException {
        WebClient staff = WebClient.withCookies(server);
        HttpPage login = staff.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        assertEquals(302, login.status(), login.body());
        assertTrue(login.location().endsWith("/moderation"), login.location());
        return staff;
    }

    @Test
    void anonymousVisitorsAreSentToLoginAndCannotAct(ModeratoServer server) throws IOException {
        WebClient anonymous = WebClient.anonymous(server);
        for (String path : new String[] {"/moderation", "/moderation?status=spam", "/moderation.xhtml", "/admin/rules"}) {
            HttpPage page = anonymous.get(path);
            assertEquals(302, page.status(), path);
            assertTrue(page.location().endsWith("/login"), path + " -> " + page.location());
        }
        HttpPage forgedPost = anonymous.postForm("/moderation", Map.of("queueform", "queueform", "x:act", "Approve",
                "jakarta.faces.ViewState", "stateless"));
        assertEquals(302, forgedPost.status());
        assertTrue(forgedPost.location().endsWith("/login"));
    }

    @Test
    void wrongPasswordsAreRefusedWithoutSayingWhichPartWasWrong(ModeratoServer server) throws IOException {
        HttpPage wrongPassword = WebClient.withCookies(server).logIn("admin", "not-the-password");
        HttpPage noSuchUser = WebClient.withCookies(server).logIn("nobody", "not-the-password");
        for (HttpPage page : new HttpPage[] {wrongPassword, noSuchUser}) {
            assertEquals(200, page.status());
            assertTrue(page.element("ul", "login-errors").contains("Unknown username or password."));
        }
    }

    @Test
    void loginGivesANewHttpOnlySameSiteSessionAndLogoutEndsIt(ModeratoServer server) throws IOException {
        WebClient staff = WebClient.withCookies(server);
        HttpPage loginForm = staff.get("/login");
        String before = sessionCookie(loginForm);
        HttpPage login = staff.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String after = sessionCookie(login);
        assertNotEquals(before.split(";")[0], after.split(";")[0], "the session id changes at login");
        assertTrue(after.contains("HttpOnly"));
        assertTrue(after.toLowerCase().contains("samesite=strict"), after);

        HttpPage queue = staff.get("/moderation");
        assertEquals(200, queue.status());
        assertEquals("no-store", queue.header("Cache-Control").orElse(""));
        assertTrue(queue.body().contains("Signed in as <b id=\"current-user\">admin</b>"));

        Map<String, String> logout = new LinkedHashMap<>();
        logout.put("logoutform", "logoutform");
        logout.put("logout", "Log out");
        logout.put("jakarta.faces.ViewState", queue.viewState());
        HttpPage loggedOut = staff.postForm("/moderation", logout);
        assertEquals(302, loggedOut.status());
        assertEquals(302, staff.get("/moderation").status(), "after logout the queue needs a login again");
    }

    @Test
    void theQueueShowsPendingCommentsOldestFirstWithMaskedEmailAndApproveMakesThemPublic(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String firstText = "Queue first " + UUID.randomUUID();
        String secondText = "Queue second " + UUID.randomUUID();
        String email = "queue." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long first = postPending(reader, firstText, email);
        long second = postPending(reader, secondText, "other@example.org");

        WebClient staff = loggedInAdmin(server);
        HttpPage queue = staff.queueShowing("/moderation", first);
        String item = queue.element("li", "queued-" + first);
        assertTrue(item.contains(firstText));
        assertTrue(item.contains("q•••@e•••.org"), item);
        assertTrue(item.contains("Welcome to Moderato"));
        assertTrue(item.contains("Queue Tester"));
        assertTrue(item.contains("held: first comment from this author"), item);
        assertFalse(queue.body().contains(email), "moderators see the masked address only");
        assertTrue(queue.body().indexOf("queued-" + first) < queue.body().indexOf("queued-" + second), "oldest first");

        int repliesBefore = replies(reader.get("/articles/" + ARTICLE));
        HttpPage approved = staff.moderate("/moderation", first, "Approve");
        assertEquals(200, approved.status());
        assertTrue(approved.element("ul", "queue-messages").contains("Comment " + first + ": approved."));
        assertFalse(approved.hasElement("queued-" + first), "approved comments leave the pending view");

        HttpPage article = reader.get("/articles/" + ARTICLE);
        String shown = article.element("li", "comment-" + first);
        assertTrue(shown.contains(firstText));
        assertTrue(shown.contains("Queue Tester"));
        assertTrue(shown.contains("<time datetime="));
        assertEquals(repliesBefore + 1, replies(article));
        assertFalse(article.body().contains(email));
        assertFalse(article.hasElement("comment-" + second), "the other one is still pending");
    }

    @Test
    void spamAndTrashNeverShowPublicly(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String spamText = "Buy now " + UUID.randomUUID();
        String trashText = "Off topic " + UUID.randomUUID();
        long spam = postPending(reader, spamText, "spam@example.org");
        long trash = postPending(reader, trashText, "trash@example.org");

        WebClient staff = loggedInAdmin(server);
        assertTrue(staff.moderate("/moderation", spam, "Spam").body().contains("Comment " + spam + ": spam."));
        assertTrue(staff.moderate("/moderation", trash, "Trash").body().contains("Comment " + trash + ": trash."));

        HttpPage pending = staff.get("/moderation");
        assertFalse(pending.hasElement("queued-" + spam));
        assertFalse(pending.hasElement("queued-" + trash));
        assertTrue(staff.get("/moderation?status=spam").element("li", "queued-" + spam).contains(spamText));
        assertTrue(staff.get("/moderation?status=trash").element("li", "queued-" + trash).contains(trashText));

        String article = reader.get("/articles/" + ARTICLE).body();
        assertFalse(article.contains(spamText));
        assertFalse(article.contains(trashText));
    }

    @Test
    void aSecondApproveOfTheSameCommentIsRefusedWithAReason(ModeratoServer server) throws IOException {
        long id = postPending(WebClient.anonymous(server), "Twice " + UUID.randomUUID(), "twice@example.org");
        WebClient alice = loggedInAdmin(server);
        WebClient bob = loggedInAdmin(server);
        HttpPage bobsQueue = bob.queueShowing("/moderation", id);
        alice.moderate("/moderation", id, "Approve");

        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"Approve\"").matcher(bobsQueue.element("li", "queued-" + id));
        assertTrue(button.find());
        HttpPage late = bob.postForm("/moderation", Map.of("queueform", "queueform", button.group(1), "Approve",
                "jakarta.faces.ViewState", bobsQueue.viewState()));
        assertEquals(200, late.status());
        assertTrue(Pattern.compile("Comment " + id + " was already approved by you (just now|\\d+ s ago)\\.").matcher(late.body()).find(),
                late.body());
    }

    @Test
    void aStaffFormPostWithoutTheViewStateOfTheOwnSessionIsRejected(ModeratoServer server) throws IOException {
        long id = postPending(WebClient.anonymous(server), "Forged " + UUID.randomUUID(), "forged@example.org");
        WebClient staff = loggedInAdmin(server);
        HttpPage queue = staff.queueShowing("/moderation", id);
        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"Trash\"").matcher(queue.element("li", "queued-" + id));
        assertTrue(button.find());

        // what a cross-site form can send: the button name is guessable, the view state of this session is not
        for (String forgedState : new String[] {"stateless", "1234567890:987654321", WebClient.withCookies(server).get("/login").viewState()}) {
            HttpPage forged = staff.postForm("/moderation", Map.of("queueform", "queueform", button.group(1), "Trash",
                    "jakarta.faces.ViewState", forgedState));
            assertFalse(forged.body().contains("Comment " + id + ": trash."), forgedState);
        }
        assertTrue(staff.queueShowing("/moderation", id).hasElement("queued-" + id), "still pending");
    }

    @Test
    void everyResponseCarriesSecurityHeaders(ModeratoServer server) throws IOException {
        for (String path : new String[] {"/", "/articles/" + ARTICLE, "/login", "/no-such-page"}) {
            HttpPage page = WebClient.anonymous(server).get(path);
            assertTrue(page.header("Content-Security-Policy").orElse("").contains("frame-ancestors 'none'"), path);
            assertEquals("nosniff", page.header("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", page.header("X-Frame-Options").orElse(""), path);
            assertEquals("strict-origin-when-cross-origin", page.header("Referrer-Policy").orElse(""), path);
        }
    }

    private static String sessionCookie(HttpPage page) {
        return page.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie on " + page));
    }

    private static int replies(HttpPage article) {
        Matcher m = Pattern.compile("id=\"comments-title\"[^>]*>(\\d+) repl").matcher(article.body());
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }
}
