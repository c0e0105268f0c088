package org.moderato.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.browser.ArticlePage;
import org.moderato.browser.Axe;
import org.moderato.browser.LoginPage;
import org.moderato.browser.Browsers;
import org.moderato.browser.EmbeddedThreadPage;
import org.moderato.browser.MailLinkPage;
import org.moderato.testing.ApiClient;
import org.moderato.testing.Comments;
import org.moderato.testing.HostSite;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.Mailbox;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.Sites;
import org.moderato.testing.WebClient;

/**
 * Mail against a real SMTP server (GreenMail on a loopback port) and the real server started with
 * {@code MODERATO_SMTP_HOST/PORT} pointing at it: the double opt-in, notifications only for public
 * comments, the one-click unsubscribe, staff alerts, an SMTP outage and a restart with mail queued.
 * Every message any test receives is scanned for the addresses of everyone else.
 */
class MailIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern QUEUED = Pattern.compile("id=\"count-queued\">(\\d+)</span> \\(failing: <span id=\"count-failing\">(\\d+)<");
    private static final Pattern SENDING = Pattern.compile("id=\"count-sending\">(\\d+)<");
    private static final String STAFF_ADDRESS = "desk-" + Readers.unique() + "@staff-" + Readers.unique() + ".test";
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s\"<>]+/mail/confirm\\?t=[0-9a-z.]+");
    private static final Pattern UNSUBSCRIBE_LINK = Pattern.compile("https?://[^\\s\"<>]+/mail/unsubscribe\\?t=[0-9a-z.]+");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    private static Mailbox mailbox;
    private static ModeratoServer server;
    private static WebClient admin;
    /** Every reader address the tests used, for the leak scan of every message. */
    private static final List<String> addresses = new ArrayList<>(List.of(STAFF_ADDRESS));

    @BeforeAll
    static void start() throws IOException {
        mailbox = Mailbox.start();
        server = mailbox.startServer("Test Blog", Map.of());
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        HttpPage page = admin.get("/account/mail");
        assertEquals(200, page.status(), page.body());
        Map<String, String> form = HtmlForm.fields(page.body(), "staffmailform");
        form.put("staff-mail-address", STAFF_ADDRESS);
        form.put("staff-held-mail", "AT_ONCE");
        form.put("staff-digest-minutes", "60");
        form.put("staff-mail-save", "Save");
        HttpPage saved = admin.postForm("/account/mail", form);
        assertTrue(saved.body().contains("Saved."), saved.body());
        assertFalse(saved.body().contains(STAFF_ADDRESS), "the page shows the stored address masked only");
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }

    @Test
    void confirmationThenOneNotificationPerPublicReplyThenOneClickUnsubscribe() throws Exception {
        String tag = Readers.unique();
        String alice = address("alice", tag);
        String bob = address("bob", tag);
        String carol = address("carol", tag);
        String dave = address("dave", tag);

        long posted = System.nanoTime();
        long question = postWith(alice, "Alice " + tag, "A question " + tag, null, "subscribe_thread");
        Mailbox.Received confirmation = mailbox.await(m -> m.to().equals(alice), 1, WAIT).get(0);
        System.out.printf("MailIT: the confirmation arrived %d ms after the post was sent%n", (System.nanoTime() - posted) / 1_000_000);
        assertEquals("[Test Blog] Please confirm your email notifications", confirmation.subject());
        assertWellFormed(confirmation);
        assertEquals(null, confirmation.header("List-Unsubscribe"), "a confirmation is not a notification");

        // a second box ticked within the hour: no second confirmation, and the same answer
        postWith(alice, "Alice " + tag, "Another thought " + tag, null, "subscribe_replies");
        awaitSenderIdle();
        assertEquals(1, mailbox.to(alice).size(), "at most one confirmation an hour");

        String confirmUrl = link(CONFIRM_LINK, confirmation.part("text/plain"));
        WebClient reader = WebClient.anonymous(server);
        HttpPage ask = reader.get(path(confirmUrl));
        assertEquals(200, ask.status());
        assertTrue(ask.body().contains("id=\"confirm\""), ask.body());
        HttpPage confirmed = reader.postForm(path(confirmUrl), Map.of("t", token(confirmUrl)));
        assertEquals(200, confirmed.status());
        assertTrue(confirmed.body().contains("your address is confirmed"), confirmed.body());

        // the moderator approves Alice's held question: she asked for mail, so she hears of it
        admin.moderate("/moderation", question, "Approve");
        Mailbox.Received approved = mailbox.await(m -> m.to().equals(alice), 2, WAIT).get(1);
        assertTrue(approved.subject().contains("was approved"), approved.subject());
        assertWellFormed(approved);

        // Bob's reply is held: nobody is told; Carol's goes to spam: nobody is told
        long reply = postWith(bob, "Bob " + tag, "Bob answers " + tag, question);
        long spam = postWith(carol, "Carol " + tag, "Cheap pills " + tag, question);
        admin.moderate("/moderation", spam, "Spam");
        awaitSenderIdle();
        assertEquals(2, mailbox.to(alice).size(), "held and spam replies notify nobody");

        long approving = System.nanoTime();
        admin.moderate("/moderation", reply, "Approve");
        Mailbox.Received notification = mailbox.await(m -> m.to().equals(alice), 3, WAIT).get(2);
        assertEquals("[Test Blog] New reply to your comment on \"Welcome to Moderato\"", notification.subject());
        System.out.printf("MailIT: the notification arrived %d ms after the moderator pressed Approve%n", (System.nanoTime() - approving) / 1_000_000);
        assertWellFormed(notification);
        String text = notification.part("text/plain");
        assertTrue(text.contains("Bob answers " + tag), text);
        assertTrue(text.contains("/articles/" + Readers.WELCOME + "?comment=" + reply + "#comment-" + reply), text);
        assertTrue(notification.part("text/html").contains("Bob answers " + tag));
        assertEquals("List-Unsubscribe=One-Click", notification.header("List-Unsubscribe-Post"));
        String unsubscribe = notification.header("List-Unsubscribe");
        assertTrue(unsubscribe.matches("<https?://\\S+/mail/unsubscribe\\?t=\\S+>"), unsubscribe);
        assertTrue(UNSUBSCRIBE_LINK.matcher(text).find(), "the text says how to stop too");
        java.nio.file.Files.writeString(ModeratoServer.projectDir().resolve("target/it-logs/mail-sample-notification.eml"), notification.raw());
        awaitSenderIdle();
        assertEquals(3, mailbox.to(alice).size(), "one notification per comment per subscriber");
        assertTrue(mailbox.to(bob).isEmpty(), "Bob asked for nothing and is never told of his own comment");

        // RFC 8058: a mail client's one-click POST, no login, no cookie
        String oneClick = unsubscribe.substring(1, unsubscribe.length() - 1);
        HttpPage left = WebClient.anonymous(server).postForm(path(oneClick), Map.of("List-Unsubscribe", "One-Click"));
        assertEquals(200, left.status());
        assertTrue(left.body().contains("you will get no more email about"), left.body());

        long after = postWith(dave, "Dave " + tag, "Dave adds " + tag, question);
        admin.moderate("/moderation", after, "Approve");
        awaitSenderIdle();
        assertEquals(3, mailbox.to(alice).size(), "no more mail after unsubscribing");
        scanEveryMessage();
    }

    @Test
    void aReaderTicksTheBoxInABrowserAndConfirmsThroughTheLinkInTheMail() {
        String tag = Readers.unique();
        String laura = address("laura", tag);
        var reader = browsers.fresh("reader").driver();
        ArticlePage article = ArticlePage.open(reader, server, Readers.WELCOME);
        assertFalse(reader.findElement(org.openqa.selenium.By.id("subscribe_thread")).isSelected(), "unticked by default");
        assertFalse(reader.findElement(org.openqa.selenium.By.id("subscribe_replies")).isSelected(), "unticked by default");
        article.fillComment("Tell me more " + tag, "Laura " + tag, laura, "").notifyOfFollowUps(true).post();
        String confirmUrl = link(CONFIRM_LINK, mailbox.await(m -> m.to().equals(laura), 1, WAIT).get(0).part("text/plain"));
        MailLinkPage confirm = MailLinkPage.open(reader, server.baseUrl() + path(confirmUrl));
        assertEquals(List.of(), Axe.violations(reader), "the confirmation page meets WCAG 2.2 AA as far as axe sees");
        assertTrue(confirm.press("confirm").done().contains("your address is confirmed"));
        assertEquals(List.of(), Axe.violations(reader), "so does the page that says it is done");
        scanEveryMessage();
    }

    @Test
    void theStaffMailPagesMeetWcag22AaAsFarAsAxeSees() {
        var browser = browsers.fresh("admin").driver();
        LoginPage.open(browser, server).logInAs("admin", ModeratoServer.ADMIN_PASSWORD);
        for (String page : List.of("/account/mail", "/admin/mail", "/admin/")) {
            browser.get(server.url(page));
            assertTrue(browser.getTitle().contains("·"), page + ": " + browser.getTitle());
            assertEquals(List.of(), Axe.violations(browser), page);
        }
        assertFalse(browser.findElements(org.openqa.selenium.By.id("nav-mail")).isEmpty(), "the staff menu links the email settings");
    }

    @Test
    void withMailOnOnlyAConfirmedAddressEarnsTheTrustOfItsApprovedComments() throws Exception {
        String tag = Readers.unique();
        String mike = address("mike", tag);
        String nina = address("nina", tag);
        WebClient mikesBrowser = WebClient.withCookies(server);
        long mikesFirst = Comments.idOf(postRemembered(mikesBrowser, mike, "Mike " + tag, "Mike's first " + tag, true));
        String confirmUrl = link(CONFIRM_LINK, mailbox.await(m -> m.to().equals(mike), 1, WAIT).get(0).part("text/plain"));
        WebClient.anonymous(server).postForm(path(confirmUrl), Map.of("t", token(confirmUrl)));
        admin.moderate("/moderation", mikesFirst, "Approve");
        WebClient ninasBrowser = WebClient.withCookies(server);
        long ninasFirst = Comments.idOf(postRemembered(ninasBrowser, nina, "Nina " + tag, "Nina's first " + tag, false));
        admin.moderate("/moderation", ninasFirst, "Approve");

        long mikesSecond = Comments.idOf(postRemembered(mikesBrowser, mike, "Mike " + tag, "Mike's second " + tag, false));
        long ninasSecond = Comments.idOf(postRemembered(ninasBrowser, nina, "Nina " + tag, "Nina's second " + tag, false));
        assertTrue(Comments.isPublished(WebClient.anonymous(server), Readers.WELCOME, mikesSecond), "confirmed, approved before, same browser");
        assertFalse(Comments.isPublished(WebClient.anonymous(server), Readers.WELCOME, ninasSecond), "nobody confirmed Nina's address");
        assertTrue(admin.get("/admin/rules").body().contains("their address has been confirmed by email"), "the rules page says which rule applies");
    }

    /** Posts with "Save my name, email, and website" ticked, so the browser keeps the returning-commenter cookie. */
    private static HttpPage postRemembered(WebClient browser, String email, String author, String text, boolean subscribe) throws IOException {
        HttpPage article = browser.get("/articles/" + Readers.WELCOME);
        Map<String, String> form = WebClient.commentForm(author, email, "", text, WebClient.formTokenOf(article), null);
        form.put("wp-comment-cookies-consent", "yes");
        if (subscribe) {
            form.put("subscribe_thread", "yes");
        }
        return browser.postForm("/articles/" + Readers.WELCOME, form);
    }

    @Test
    void theJsonApiTakesTheSameChoiceAndAnswersAlikeWithOrWithoutIt() throws Exception {
        String tag = Readers.unique();
        String origin = "https://blog-" + tag + ".example";
        Sites.add(admin, "Blog " + tag, origin, true);
        ApiClient page = ApiClient.from(server, origin);
        String oscar = address("oscar", tag);
        String peggy = address("peggy", tag);
        ApiClient.Answer withBox = postThroughApi(page, origin, oscar, "Oscar via the widget " + tag, "thread");
        ApiClient.Answer withoutBox = postThroughApi(page, origin, peggy, "Peggy via the widget " + tag, null);
        assertEquals(201, withBox.status(), withBox.body());
        assertEquals(withoutBox.status(), withBox.status());
        List<String> withNames = new ArrayList<>();
        withBox.json().fieldNames().forEachRemaining(withNames::add);
        List<String> withoutNames = new ArrayList<>();
        withoutBox.json().fieldNames().forEachRemaining(withoutNames::add);
        assertEquals(withoutNames, withNames, "the same answer whether a box was ticked");
        Mailbox.Received confirmation = mailbox.await(m -> m.to().equals(oscar), 1, WAIT).get(0);
        assertTrue(confirmation.part("text/plain").contains("\"Page " + tag + "\""), confirmation.part("text/plain"));
        awaitSenderIdle();
        assertTrue(mailbox.to(peggy).isEmpty(), "no box, no mail");
        scanEveryMessage();
    }

    @Test
    void theEmbedWidgetOffersTheArticlePagesBoxesAndATickedOneIsTaken() throws Exception {
        String tag = Readers.unique();
        try (HostSite host = HostSite.serving(server, "Host page " + tag, null)) {
            Sites.add(admin, "Host " + tag, host.origin(), true);
            String quentin = address("quentin", tag);
            String rita = address("rita", tag);
            org.openqa.selenium.WebDriver reader = browsers.fresh("widget subscriber").driver();
            EmbeddedThreadPage page = EmbeddedThreadPage.open(reader, host.pageUrl());
            org.openqa.selenium.WebElement replies = reader.findElement(org.openqa.selenium.By.id("subscribe_replies"));
            assertEquals(org.moderato.platform.ReaderTexts.bundle(java.util.Locale.ENGLISH).getString("form.notifyReplies"),
                    reader.findElement(org.openqa.selenium.By.cssSelector("label[for=subscribe_replies]")).getText(), "the article page's words");
            replies.click();
            page.post("Quentin " + tag, quentin, "Quentin from the host page " + tag);
            Mailbox.Received confirmation = mailbox.await(m -> m.to().equals(quentin), 1, WAIT).get(0);
            assertEquals("[Test Blog] Please confirm your email notifications", confirmation.subject());
            assertFalse(reader.findElement(org.openqa.selenium.By.id("subscribe_replies")).isSelected(), "the form is fresh after a post");

            org.openqa.selenium.WebDriver another = browsers.fresh("widget reader without a box").driver();
            EmbeddedThreadPage.open(another, host.pageUrl()).post("Rita " + tag, rita, "Rita from the host page " + tag);
            awaitSenderIdle();
            assertTrue(mailbox.to(rita).isEmpty(), "no box, no mail");
        }
        scanEveryMessage();
    }

    private static ApiClient.Answer postThroughApi(ApiClient page, String origin, String email, String text, String notify) throws IOException {
        ApiClient.Answer issued = page.post("/api/v1/form-tokens", Map.of("url", origin + "/post", "title", "Page " + text.substring(text.length() - 12)));
        assertEquals(200, issued.status(), issued.body());
        Map<String, Object> comment = new java.util.LinkedHashMap<>();
        comment.put("author", "Widget reader");
        comment.put("email", email);
        comment.put("comment", text);
        comment.put("token", issued.json().get("token").asText());
        if (notify != null) {
            comment.put("notify", notify);
        }
        return page.post("/api/v1/threads/" + issued.json().get("thread").asLong() + "/comments", comment);
    }

    @Test
    void unconfirmedAddressesGetNothingButTheirConfirmation() throws Exception {
        String tag = Readers.unique();
        String erin = address("erin", tag);
        String frank = address("frank", tag);
        long first = postWith(erin, "Erin " + tag, "Erin starts " + tag, null, "subscribe_thread");
        mailbox.await(m -> m.to().equals(erin), 1, WAIT);
        admin.moderate("/moderation", first, "Approve");
        // Frank subscribes too and never confirms
        long second = postWith(frank, "Frank " + tag, "Frank joins " + tag, first, "subscribe_thread");
        mailbox.await(m -> m.to().equals(frank), 1, WAIT);
        admin.moderate("/moderation", second, "Approve");
        long third = postWith(erin, "Erin " + tag, "Erin again " + tag, second);
        admin.moderate("/moderation", third, "Approve");
        awaitSenderIdle();
        assertEquals(1, mailbox.to(erin).size(), "Erin never confirmed: only her confirmation");
        assertEquals(1, mailbox.to(frank).size(), "Frank never confirmed: only his confirmation");
        scanEveryMessage();
    }

    @Test
    void aHeldCommentMailsTheStaffAtOnceWithTheReasonAndWithoutTheAddress() throws Exception {
        String tag = Readers.unique();
        String grace = address("grace", tag);
        long posted = System.nanoTime();
        long held = postWith(grace, "Grace " + tag, "Please moderate me " + tag, null);
        Mailbox.Received alert = mailbox.await(m -> m.to().equals(STAFF_ADDRESS) && m.raw().contains(tag), 1, WAIT).get(0);
        System.out.printf("MailIT: the staff alert arrived %d ms after the post was sent%n", (System.nanoTime() - posted) / 1_000_000);
        assertTrue(alert.subject().contains("waiting for moderation"), alert.subject());
        String text = alert.part("text/plain");
        assertTrue(text.contains("Why: "), text);
        assertTrue(text.contains("/moderation-comment?id=" + held), text);
        assertWellFormed(alert);
        scanEveryMessage();
    }

    @Test
    void aReportedCommentMailsTheStaffWithTheReasonAndNeverTheReader() throws Exception {
        String tag = Readers.unique();
        long comment = postWith(address("ivan", tag), "Ivan " + tag, "Report me " + tag, null);
        admin.moderate("/moderation", comment, "Approve");
        WebClient reader = WebClient.anonymous(server);
        HttpPage page = reader.get("/report?comment=" + comment);
        assertEquals(200, page.status(), page.body());
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("comment", Long.toString(comment));
        form.put("reason", "harassment");
        form.put("law", "");
        form.put("explanation", "");
        form.put("notifier-name", "");
        form.put("notifier-email", "");
        form.put("note", "Rude " + tag);
        form.put("comment_extra", "");
        form.put("moderato_token", token.group(1));
        assertEquals(303, reader.postForm("/report", form).status());
        Mailbox.Received alert = mailbox.await(m -> m.to().equals(STAFF_ADDRESS) && m.subject().contains("was reported")
                && m.raw().contains(tag), 1, WAIT).get(0);
        String text = alert.part("text/plain");
        assertTrue(text.contains("Why: reported as harassment (1 open report)"), text);
        assertTrue(text.contains("/moderation-reported"), text);
        assertWellFormed(alert);
        scanEveryMessage();
    }

    @Test
    void aNoticeIsAcknowledgedItsDecisionToldAndTheRemovedAuthorGetsTheStatement() throws Exception {
        String tag = Readers.unique();
        String author = address("judy", tag);
        String notifier = address("nora", tag);
        long comment = postWith(author, "Judy " + tag, "Called illegal " + tag, null);
        admin.moderate("/moderation", comment, "Approve");
        WebClient reader = WebClient.anonymous(server);
        HttpPage page = reader.get("/report?comment=" + comment);
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("comment", Long.toString(comment));
        form.put("reason", "illegal");
        form.put("law", "Section 130 StGB");
        form.put("explanation", "Incitement " + tag);
        form.put("notifier-name", "Nora");
        form.put("notifier-email", notifier);
        form.put("note", "");
        form.put("comment_extra", "");
        form.put("moderato_token", token.group(1));
        assertEquals(303, reader.postForm("/report", form).status());
        Mailbox.Received received = mailbox.await(m -> m.to().equals(notifier) && m.subject().contains("We received your notice"), 1, WAIT).get(0);
        assertTrue(received.part("text/plain").contains("/notice?report="), received.part("text/plain"));

        HttpPage view = admin.get("/moderation-reported");
        String row = view.element("li", "reported-" + comment);
        java.util.regex.Matcher button = java.util.regex.Pattern.compile("name=\"([^\"]+)\" value=\"Remove\"").matcher(row);
        assertTrue(button.find(), row);
        Map<String, String> removal = new java.util.LinkedHashMap<>();
        removal.put("reportedform", "reportedform");
        removal.put("ground-" + comment, "illegal");
        removal.put("explanation-" + comment, "Incitement to violence.");
        removal.put(button.group(1), "Remove");
        removal.put("jakarta.faces.ViewState", view.viewState());
        assertEquals(200, admin.postForm("/moderation-reported", removal).status());

        Mailbox.Received decision = mailbox.await(m -> m.to().equals(notifier) && m.subject().contains("The decision on your notice"), 1, WAIT).get(0);
        assertTrue(decision.part("text/plain").contains(": removed."), decision.part("text/plain"));
        Mailbox.Received statement = mailbox.await(m -> m.to().equals(author) && m.subject().contains("statement of reasons"), 1, WAIT).get(0);
        String link = statement.part("text/plain").replaceAll("(?s).*?(http\\S*/statement\\?decision=\\S+).*", "$1");
        HttpPage opened = WebClient.anonymous(server).get(link.replaceFirst("^https?://[^/]+", ""));
        assertEquals(200, opened.status(), link);
        assertTrue(opened.body().contains("Your comment was removed."), opened.body());
        assertTrue(!statement.raw().contains(notifier) && !statement.raw().contains("Nora"), "the author never learns who notified");
        assertWellFormed(statement);
        scanEveryMessage();
    }

    @Test
    void anSmtpOutageDelaysMailAndLosesNoneAndTheOutboxShowsTheError() throws Exception {
        String tag = Readers.unique();
        mailbox.down();
        try {
            postWith(address("heidi", tag), "Heidi " + tag, "While mail is down " + tag, null);
            awaitOutbox(page -> page.contains("class=\"outbox-failing\"") && page.contains("Connect"));
        } finally {
            mailbox.up();
        }
        mailbox.await(m -> m.to().equals(STAFF_ADDRESS) && m.raw().contains(tag), 1, WAIT);
        awaitSenderIdle();
        mailbox.await(m -> m.to().equals(STAFF_ADDRESS) && m.raw().contains(tag), 1, Duration.ZERO);
        scanEveryMessage();
    }

    @Test
    void mailQueuedBeforeAKillIsSentOnceAfterTheRestart() throws Exception {
        String tag = Readers.unique();
        mailbox.down();
        try {
            postWith(address("ivan", tag), "Ivan " + tag, "Queued when the server dies " + tag, null);
            // the outbox row has committed and its attempt failed: the server dies with it queued
            awaitOutbox(page -> page.contains("class=\"outbox-failing\""));
            server.kill();
        } finally {
            mailbox.up();
        }
        server.start();
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        mailbox.await(m -> m.to().equals(STAFF_ADDRESS) && m.raw().contains(tag), 1, WAIT);
        awaitSenderIdle();
        mailbox.await(m -> m.to().equals(STAFF_ADDRESS) && m.raw().contains(tag), 1, Duration.ZERO);
        scanEveryMessage();
    }

    @Test
    void theOutboxPageIsForAdminsOnlyAndShowsNoRecipient() throws IOException {
        assertEquals(200, admin.get("/admin/mail").status());
        assertFalse(admin.get("/admin/mail").body().contains(STAFF_ADDRESS));
        HttpPage anonymous = WebClient.anonymous(server).get("/admin/mail");
        assertTrue(anonymous.status() == 302 || anonymous.status() == 303 || anonymous.status() == 401 || anonymous.status() == 403,
                "status " + anonymous.status());
        String moderatorName = "mailmod" + Readers.unique().substring(0, 6);
        String password = "moderator-password-" + Readers.unique();
        admin.addUser(moderatorName, "MODERATOR", password);
        WebClient moderator = WebClient.withCookies(server);
        moderator.logIn(moderatorName, password);
        assertEquals(403, moderator.get("/admin/mail").status(), "the outbox is the admins'");
        assertEquals(200, moderator.get("/account/mail").status(), "every staff member sets their own address");
    }

    @Test
    void theFormAnswersAlikeWhetherTheAddressIsConfirmedSubscribedOrNew() throws Exception {
        String tag = Readers.unique();
        String judy = address("judy", tag);
        postWith(judy, "Judy " + tag, "Judy subscribes " + tag, null, "subscribe_thread");
        String confirmUrl = link(CONFIRM_LINK, mailbox.await(m -> m.to().equals(judy), 1, WAIT).get(0).part("text/plain"));
        WebClient.anonymous(server).postForm(path(confirmUrl), Map.of("t", token(confirmUrl)));
        HttpPage known = postAnswer(judy, "Judy " + tag, "Judy again " + tag);
        HttpPage unknown = postAnswer(address("kim", tag), "Judy " + tag, "Someone new " + tag);
        assertEquals(known.status(), unknown.status());
        assertEquals(shape(known), shape(unknown), "the same headers, the same redirect");
    }

    private static HttpPage postAnswer(String email, String author, String text) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        HttpPage article = reader.get("/articles/" + Readers.WELCOME);
        Map<String, String> form = WebClient.commentForm(author, email, "", text, WebClient.formTokenOf(article), null);
        form.put("subscribe_thread", "yes");
        return reader.postForm("/articles/" + Readers.WELCOME, form);
    }

    /** The answer with what must differ (ids, the signed preview, the date) taken out. */
    private static String shape(HttpPage answer) {
        return new java.util.TreeSet<>(answer.headers().keySet().stream().filter(h -> h != null && !h.equalsIgnoreCase("date")).toList())
                + " " + answer.location().replaceAll("\\d+", "N").replaceAll("moderation-hash=[^&#]+", "moderation-hash=H") + " " + answer.body();
    }

    // ---- helpers

    private static String address(String who, String tag) {
        String address = who + "-" + tag + "@reader-" + who + tag + ".test";
        synchronized (addresses) {
            addresses.add(address);
        }
        return address;
    }

    /** Posts the article form as a browser does, with the given boxes ticked; returns the comment's id. */
    private static long postWith(String email, String author, String text, Long parent, String... boxes) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        HttpPage article = reader.get("/articles/" + Readers.WELCOME);
        assertTrue(article.body().contains("Notify me of follow-up comments by email"), "the box is offered when mail is on");
        Map<String, String> form = WebClient.commentForm(author, email, "", text, WebClient.formTokenOf(article), parent);
        for (String box : boxes) {
            form.put(box, "yes");
        }
        return Comments.idOf(reader.postForm("/articles/" + Readers.WELCOME, form));
    }

    /**
     * "No more mail" is checked once the sender has nothing left to do: every message is queued in the
     * transaction of the change that causes it, so when the outbox holds nothing due (nothing queued but
     * the failing ones waiting for their next attempt, nothing being sent) every message the steps
     * before caused has reached the mailbox, and one that should not exist would be there.
     */
    private static void awaitSenderIdle() throws Exception {
        awaitOutbox(page -> {
            Matcher queued = QUEUED.matcher(page);
            Matcher sending = SENDING.matcher(page);
            return queued.find() && sending.find() && queued.group(1).equals(queued.group(2)) && sending.group(1).equals("0");
        });
    }

    private static void awaitOutbox(java.util.function.Predicate<String> shows) throws Exception {
        long until = System.nanoTime() + WAIT.toNanos();
        String page = "";
        while (System.nanoTime() < until) {
            page = admin.get("/admin/mail").body();
            if (shows.test(page)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the outbox page never showed it:\n" + page);
    }

    /** Message-ID, Date, the site's name in From, and both a text and an HTML part. */
    private static void assertWellFormed(Mailbox.Received mail) {
        assertNotNull(mail.header("Message-ID"));
        assertTrue(mail.header("Message-ID").matches("<[^@\\s]+@[^>\\s]+>"), mail.header("Message-ID"));
        assertNotNull(mail.header("Date"));
        assertTrue(mail.header("From").contains("Test Blog") && mail.header("From").contains("comments@blog.example"), mail.header("From"));
        assertFalse(mail.part("text/plain").isBlank());
        assertTrue(mail.part("text/html").contains("<p>"));
    }

    /** No message carries any address but its recipient's (nor a hash or encoding of one). */
    private static void scanEveryMessage() {
        List<String> known;
        synchronized (addresses) {
            known = List.copyOf(addresses);
        }
        for (Mailbox.Received mail : mailbox.all()) {
            List<String> others = known.stream().filter(a -> !a.equalsIgnoreCase(mail.to())).toList();
            List<String> leaks = new LeakScanner(others).findIn(mail.raw());
            assertEquals(List.of(), leaks, "another address in a message to its recipient:\n" + mail.raw());
        }
    }

    private static String link(Pattern pattern, String text) {
        Matcher link = pattern.matcher(text);
        assertTrue(link.find(), "no link in:\n" + text);
        return link.group();
    }

    private static String path(String url) {
        URI uri = URI.create(url);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String token(String url) {
        return url.substring(url.indexOf("?t=") + 3);
    }
}
