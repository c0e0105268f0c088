package org.moderato.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moderato.platform.ReaderTexts;
import org.moderato.testing.Comments;
import org.moderato.testing.EnglishLeft;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.Mailbox;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.WebClient;

/**
 * Mail in the site's language: a server of its own with {@code MODERATO_LANGUAGE=de} (one fresh server
 * for every German check) and GreenMail. The confirmation, the page of its link and a notification
 * arrive in German, subject and both parts, with no English text of the mail bundle left.
 */
class MailLanguageIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Locale GERMAN = Locale.GERMAN;
    private static final Pattern CONFIRM_LINK = Pattern.compile("https?://[^\\s\"<>]+/mail/confirm\\?t=[0-9a-z.]+");

    private static Mailbox mailbox;
    private static ModeratoServer server;
    private static WebClient admin;

    @BeforeAll
    static void start() throws IOException {
        mailbox = Mailbox.start();
        server = mailbox.startServer("Testblog", Map.of("MODERATO_LANGUAGE", "de"));
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
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

    private static String mail(String key, Object... args) {
        return ReaderTexts.words(ReaderTexts.MAIL_BUNDLE, GERMAN).text(key, args);
    }

    /** Subject, text part and HTML part in German: the expected sentences there, no English sentence of the bundle. */
    private static void assertGerman(Mailbox.Received received, String subject, String... sentences) {
        assertEquals(subject, received.subject());
        String text = received.part("text/plain");
        String html = EnglishLeft.textOf(received.part("text/html"));
        for (String sentence : sentences) {
            assertTrue(text.contains(sentence), "text part without \"" + sentence + "\":\n" + text);
            assertTrue(html.contains(sentence), "HTML part without \"" + sentence + "\":\n" + html);
        }
        assertTrue(received.part("text/html").contains("<html lang=\"de\">"), received.part("text/html"));
        for (String part : List.of(received.subject(), text, html)) {
            assertEquals(List.of(), EnglishLeft.in(part, ReaderTexts.MAIL_BUNDLE, GERMAN), "English left in:\n" + part);
        }
    }

    @Test
    void theConfirmationItsPageAndANotificationAreInTheSitesLanguage() throws Exception {
        String tag = Readers.unique();
        String anna = "anna-" + tag + "@leserin-" + tag + ".test";
        String ben = "ben-" + tag + "@leser-" + tag + ".test";
        WebClient reader = WebClient.anonymous(server);
        HttpPage article = reader.get("/articles/" + Readers.WELCOME);
        ResourceBundle words = ReaderTexts.bundle(GERMAN);
        assertTrue(article.body().contains(words.getString("form.notifyThread")), "the box, in German, when mail is on");
        Map<String, String> form = WebClient.commentForm("Anna " + tag, anna, "", "Eine Frage " + tag, WebClient.formTokenOf(article), null);
        form.put("subscribe_thread", "yes");
        long question = Comments.idOf(reader.postForm("/articles/" + Readers.WELCOME, form));

        String title = "Welcome to Moderato";
        Mailbox.Received confirmation = mailbox.await(m -> m.to().equals(anna), 1, WAIT).get(0);
        assertGerman(confirmation, mail("mail.confirm.subject", "Testblog"),
                mail("mail.confirm.asked", "Testblog", title), mail("mail.confirm.ignore"));
        assertTrue(confirmation.part("text/plain").contains(mail("mail.confirm.open")));

        // the link's page speaks the same language, before and after the button
        Matcher link = CONFIRM_LINK.matcher(confirmation.part("text/plain"));
        assertTrue(link.find(), confirmation.part("text/plain"));
        String path = link.group().replaceFirst("^https?://[^/]+", "");
        HttpPage ask = WebClient.anonymous(server).get(path);
        assertEquals(200, ask.status(), ask.body());
        assertTrue(ask.body().contains("<html lang=\"de\">") && EnglishLeft.textOf(ask.body()).contains(mail("page.confirmAsk", title)), ask.body());
        assertEquals(List.of(), EnglishLeft.in(EnglishLeft.textOf(ask.body()), ReaderTexts.MAIL_BUNDLE, GERMAN), ask.body());
        HttpPage confirmed = WebClient.anonymous(server).postForm(path, Map.of("t", path.substring(path.indexOf("?t=") + 3)));
        assertTrue(EnglishLeft.textOf(confirmed.body()).contains(mail("page.confirmed", title)), confirmed.body());

        // Anna's question approved (she hears of it), then Ben's reply approved: Anna gets the notification
        admin.moderate("/moderation", question, "Approve");
        Mailbox.Received approved = mailbox.await(m -> m.to().equals(anna), 2, WAIT).get(1);
        assertGerman(approved, mail("mail.approved.subject", "Testblog", title), mail("mail.approved.why"));
        HttpPage again = reader.get("/articles/" + Readers.WELCOME);
        long reply = Comments.idOf(reader.postForm("/articles/" + Readers.WELCOME,
                WebClient.commentForm("Ben " + tag, ben, "", "Eine Antwort " + tag, WebClient.formTokenOf(again), question)));
        if (!Comments.isPublished(reader, Readers.WELCOME, reply)) {
            admin.moderate("/moderation", reply, "Approve");
        }
        Mailbox.Received notification = mailbox.await(m -> m.to().equals(anna), 3, WAIT).get(2);
        assertGerman(notification, mail("mail.notify.subjectReply", "Testblog", title),
                mail("mail.notify.why"), mail("mail.notify.read"), mail("mail.stopThread"));
        assertTrue(notification.part("text/plain").contains(mail("mail.notify.replied", "Ben " + tag, title)),
                notification.part("text/plain"));

        for (Mailbox.Received received : mailbox.all()) {
            List<String> others = List.of(anna, ben).stream().filter(a -> !a.equalsIgnoreCase(received.to())).toList();
            assertEquals(List.of(), new LeakScanner(others).findIn(received.raw()), "another address in:\n" + received.raw());
        }
    }
}
