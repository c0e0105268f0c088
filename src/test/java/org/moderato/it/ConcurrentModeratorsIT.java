package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.Desk;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Two moderators, two sessions, one comment: the second action is refused and says who did what
 * when; at the same instant, exactly one of them wins. Never a lost update, never two history rows.
 */
@ExtendWith(SharedServer.class)
class ConcurrentModeratorsIT {

    static final String PASSWORD = "moderator-password-1";
    private static ModeratoServer server;
    private static String alice;
    private static String bob;

    @BeforeAll
    static void moderators(ModeratoServer shared) throws IOException {
        server = shared;
        alice = "alice-" + Readers.unique().substring(0, 6);
        bob = "bob-" + Readers.unique().substring(0, 6);
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        for (String name : List.of(alice, bob)) {
            HttpPage added = admin.addUser(name, "MODERATOR", PASSWORD);
            assertTrue(added.body().contains("Account " + name + " added as moderator."), added.body());
        }
    }

    @Test
    void theLaterModeratorIsToldWhoActedFirstAndNothingIsOverwritten() throws IOException {
        long id = Readers.pending(server, "Contested " + Readers.unique());
        Desk alicesDesk = Desk.logIn(server, alice, PASSWORD);
        Desk bobsDesk = Desk.logIn(server, bob, PASSWORD);
        assertTrue(alicesDesk.lists(id) && bobsDesk.lists(id), "both see it pending");

        alicesDesk.press(id, "Approve");
        assertEquals(List.of("Comment " + id + ": approved."), alicesDesk.infos());
        bobsDesk.press(id, "Spam");
        assertEquals(1, bobsDesk.errors().size(), bobsDesk.page().body());
        assertTrue(bobsDesk.errors().get(0).matches("Comment " + id + " was already approved by " + alice + " (just now|\\d+ s ago)\\."),
                bobsDesk.errors().get(0));
        assertTrue(bobsDesk.infos().isEmpty());

        assertTrue(bobsDesk.open("/moderation?status=approved").lists(id), "still approved, not spam");
        assertEquals(List.of("rules", alice), actors(id));
    }

    @Test
    void atTheSameInstantExactlyOneOfTwoModeratorsWins() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                long id = Readers.pending(server, "Race " + round + " " + Readers.unique());
                Desk alicesDesk = Desk.logIn(server, alice, PASSWORD);
                Desk bobsDesk = Desk.logIn(server, bob, PASSWORD);
                // both open the queue's page that lists it before the race: with more than a page of pending
                // comments on the shared server, a desk looked it up inside the race and could find it gone
                assertTrue(alicesDesk.lists(id) && bobsDesk.lists(id), "round " + round + ": both see it pending");
                CountDownLatch go = new CountDownLatch(1);
                Future<Desk> a = pool.submit(pressAfter(go, alicesDesk, id, "Approve"));
                Future<Desk> b = pool.submit(pressAfter(go, bobsDesk, id, "Trash"));
                go.countDown();
                Desk aDone = a.get();
                Desk bDone = b.get();
                int wins = aDone.infos().size() + bDone.infos().size();
                int refusals = aDone.errors().size() + bDone.errors().size();
                assertEquals(1, wins, "round " + round + ": " + aDone.infos() + bDone.infos() + aDone.errors() + bDone.errors());
                assertEquals(1, refusals, "round " + round);
                String refusal = aDone.errors().isEmpty() ? bDone.errors().get(0) : aDone.errors().get(0);
                assertTrue(refusal.matches("Comment " + id + " was already (approved|moved to the trash) by (" + alice + "|" + bob + ").*"),
                        refusal);
                List<String> actors = actors(id);
                assertEquals(2, actors.size(), "one history row from the rules and exactly one from a moderator: " + actors);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Desk> pressAfter(CountDownLatch go, Desk desk, long id, String label) {
        return () -> {
            go.await();
            return desk.press(id, label);
        };
    }

    /** Who appears in the comment's history, in order. */
    private static List<String> actors(long id) throws IOException {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        HttpPage detail = admin.get("/moderation-comment?id=" + id);
        Matcher actor = Pattern.compile("<td class=\"history-actor\">([^<]*)</td>").matcher(detail.body());
        List<String> actors = new ArrayList<>();
        while (actor.find()) {
            actors.add(actor.group(1));
        }
        return actors;
    }
}
