package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moderato.testing.Desk;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * The spam filter on the running server, from an empty model: it learns from 30 comments marked spam
 * and 30 approved at the desk, then holds a spam-like comment with its reason, still does after a
 * restart, learns from the next decision at once, shows in the dry run, and a rebuild from scratch
 * learns exactly what the lessons did. One server of its own (it is restarted).
 */
class SpamFilterIT {

    private static final String ARTICLE = "why-comments-need-moderation";
    private static final Pattern STATUS = Pattern.compile("The filter is ([^<]*)\\.");

    private static ModeratoServer server;
    private static Desk desk;

    @BeforeAll
    static void start() throws IOException {
        server = ModeratoServer.startFresh();
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
        desk = Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD);
        // every comment waits for the desk unless a check says otherwise: so a hold is the filter's doing
        Map<String, String> rules = new HashMap<>();
        rules.put("trustApprovedAuthors", null);
        rules.put("defaultDecision", "APPROVE");
        assertTrue(desk.client().saveRules(rules).body().contains("Settings saved."));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static long post(String author, String text) throws IOException {
        HttpPage posted = WebClient.anonymous(server).postComment(ARTICLE, author, author.toLowerCase().replace(' ', '.') + "@example.com", "", text);
        Matcher id = Pattern.compile("comment-(\\d+)$").matcher(posted.location());
        assertTrue(id.find(), posted.location());
        return Long.parseLong(id.group(1));
    }

    /** New comments' verdicts are learnt by a background worker: wait (bounded) until the status says so. */
    private static String statusOnceItIs(String expected) throws IOException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        String now = status();
        while (!now.equals(expected) && System.nanoTime() < deadline) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000);
            now = status();
        }
        return now;
    }

    private static String status() throws IOException {
        Matcher status = STATUS.matcher(desk.client().get("/admin/rules").body());
        assertTrue(status.find());
        return status.group(1);
    }

    @Test
    void learnsFromTheDeskHoldsSpamWithItsReasonAndKeepsItsLessonsAcrossARestart() throws IOException {
        assertEquals("learning: 0 spam, 0 approved so far (it starts judging at 30 of each)", status());
        String[] offers = {"casino", "jackpot", "bonus", "poker", "slots", "roulette"};
        long[] spam = new long[30];
        long[] good = new long[30];
        for (int i = 0; i < 30; i++) {
            spam[i] = post("Lucky Winner " + i, "Best online " + offers[i % 6] + " and " + offers[(i + 1) % 6]
                    + " bonus, free spins today at http://casino" + i + ".example and http://spins" + i + ".example");
            good[i] = post("Reader " + i, "Thanks for the article about moderation; point " + i + " on queues was well made.");
        }
        desk.open("/moderation").bulk("spam", spam);
        assertEquals("judging: trained on 30 spam and 30 approved comments", statusOnceItIs("judging: trained on 30 spam and 30 approved comments"),
                "the good comments were approved by the site default; the spam (held for its two links) marked by a moderator");

        long held = post("Big Winner", "Huge casino jackpot bonus, free spins at http://casino-new.example");
        long friendly = post("Another Reader", "Thanks for the article; the part on queues was well made.");
        desk.open("/moderation");
        assertTrue(desk.lists(held), "the spam-like comment waits in the queue");
        assertFalse(desk.lists(friendly), "the friendly comment was approved");
        assertEquals("judging: trained on 30 spam and 31 approved comments", statusOnceItIs("judging: trained on 30 spam and 31 approved comments"),
                "the friendly comment approved by default is learnt (in the background)");
        // 'winner' (in the name), 'bonus' and 'free' were in all 30 spam and no approved comment
        String item = desk.item(held).replace("&#39;", "'");
        assertTrue(item.contains("held: spam filter 0.99: name 'winner', 'bonus', 'free'"), item);

        server.stop();
        server.start();
        desk = Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD);
        long afterRestart = post("Lucky Winner 99", "Casino bonus and poker jackpot at http://casino99.example");
        desk.open("/moderation");
        assertTrue(desk.lists(afterRestart));
        assertTrue(desk.item(afterRestart).contains("held: spam filter"), desk.item(afterRestart));
        assertEquals("judging: trained on 30 spam and 31 approved comments", status(),
                "the model survived the restart, and learnt the friendly comment approved by default");

        desk.press(afterRestart, "Spam");
        assertEquals("judging: trained on 31 spam and 31 approved comments", status(), "a moderator's 'Spam' teaches at once");

        Map<String, String> form = HtmlForm.fields(desk.client().get("/admin/rules").body(), "rulesform");
        form.put("dry-run", "Dry run");
        HttpPage dryRun = desk.client().postForm("/admin/rules", form);
        assertTrue(dryRun.element("ul", "dry-run-summary").contains("spam would be held"), dryRun.element("ul", "dry-run-summary"));
        assertTrue(dryRun.element("ol", "dry-run-affected").contains("spam filter 0.9"), "the dry run replays the filter");

        Map<String, String> retrain = HtmlForm.fields(desk.client().get("/admin/rules").body(), "spamform");
        retrain.put("retrain-spam-filter", "Retrain the spam filter from scratch");
        HttpPage retrained = desk.client().postForm("/admin/rules", retrain);
        assertTrue(retrained.body().contains("Spam filter retrained from scratch on 31 spam and 31 approved comments."),
                "a rebuild learns exactly what the lessons taught");
        assertEquals("judging: trained on 31 spam and 31 approved comments", status());
    }
}
