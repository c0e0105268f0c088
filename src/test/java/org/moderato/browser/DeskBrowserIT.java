package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.browser.ArticlePage.CommentView;
import org.moderato.browser.ModerationPage.View;
import org.moderato.testing.Desk;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import org.openqa.selenium.WebDriver;

/**
 * The moderator's desk in real browsers: bulk approve, the keyboard, undo, two moderators on one
 * comment, and a staff reply as readers then see it. Comments come from readers over HTTP (quicker
 * than typing them); each test searches the queue for its own tag.
 */
@ExtendWith(SharedServer.class)
class DeskBrowserIT {

    private static final String PASSWORD = "browser-moderator-password";
    private static ModeratoServer server;
    private static String alice;
    private static String bob;

    private final String tag = Readers.unique();

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void moderators(ModeratoServer shared) throws IOException {
        server = shared;
        alice = "alice-" + Readers.unique().substring(0, 5);
        bob = "bob-" + Readers.unique().substring(0, 5);
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        for (String name : List.of(alice, bob)) {
            assertTrue(admin.addUser(name, "MODERATOR", PASSWORD).body().contains("Account " + name + " added"));
        }
    }

    @AfterEach
    void leaveNothingPending() throws IOException {
        Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).trashPendingMatching(tag);
    }

    private long pending(String text) throws IOException {
        return Readers.pending(server, text + " " + tag);
    }

    private ModerationPage deskOf(String name, String password) {
        WebDriver driver = browsers.fresh(name).driver();
        LoginPage.open(driver, server).logInAs(name, password);
        return ModerationPage.search(driver, server, tag);
    }

    @Test
    void bulkApprove() throws IOException {
        long first = pending("Bulk one");
        long second = pending("Bulk two");
        long third = pending("Bulk three");
        ModerationPage desk = deskOf("admin", ModeratoServer.ADMIN_PASSWORD);
        assertEquals(List.of(first, second, third), desk.queuedIds());
        long approvedBefore = desk.count(View.APPROVED);

        ModerationPage after = desk.tick(first).tick(third).applyToTicked("Approve");
        assertAll("two of three approved at once",
                () -> assertEquals(List.of("2 comments: approved."), after.messages()),
                () -> assertEquals(List.of(second), after.queuedIds()),
                () -> assertEquals(approvedBefore + 2, after.count(View.APPROVED)));
        ModerationPage approved = ModerationPage.search(after.driver, server, tag).show(View.APPROVED);
        assertEquals(List.of(third, first), approved.queuedIds(), "newest first");
    }

    @Test
    void keyboardApprove() throws IOException {
        long first = pending("Keys one");
        long second = pending("Keys two");
        ModerationPage desk = deskOf("admin", ModeratoServer.ADMIN_PASSWORD);
        assertEquals(Optional.of(first), desk.currentRow(), "the first comment is where the keyboard starts");

        desk.key("?");
        assertTrue(desk.keyboardHelpOpen(), "? shows the keys");
        desk.key("?");
        assertFalse(desk.keyboardHelpOpen());

        ModerationPage after = desk.keyTo(second).keyAndAwaitNewPage("a");
        assertAll("a approves the comment the keyboard is on",
                () -> assertEquals(List.of("Comment " + second + ": approved."), after.messages()),
                () -> assertEquals(List.of(first), after.queuedIds()));
        ModerationPage spammed = after.keyAndAwaitNewPage("s");
        assertEquals(List.of("Comment " + first + ": spam."), spammed.messages(), "s marks the current one as spam");
    }

    @Test
    void undo() throws IOException {
        long id = pending("Undo me");
        ModerationPage desk = deskOf("admin", ModeratoServer.ADMIN_PASSWORD);
        ModerationPage trashed = desk.trash(id);
        assertFalse(trashed.lists(id));
        ModerationPage back = trashed.keyAndAwaitNewPage("z");
        assertAll("z takes the trashing back",
                () -> assertEquals(List.of("Undone: comment " + id + " is pending again."), back.messages()),
                () -> assertTrue(back.lists(id)));

        ModerationPage approved = back.approve(id).undo();
        assertEquals(List.of("Undone: comment " + id + " is pending again."), approved.messages(), "the Undo button does the same");
        assertTrue(approved.lists(id));
    }

    @Test
    void twoModeratorsOnOneComment() throws IOException {
        long id = pending("Contested");
        ModerationPage alicesDesk = deskOf(alice, PASSWORD);
        ModerationPage bobsDesk = deskOf(bob, PASSWORD);
        assertTrue(alicesDesk.lists(id) && bobsDesk.lists(id));

        ModerationPage aliceAfter = alicesDesk.approve(id);
        assertEquals(List.of("Comment " + id + ": approved."), aliceAfter.messages());
        ModerationPage bobAfter = bobsDesk.spam(id);
        assertEquals(1, bobAfter.errors().size(), "bob is refused: " + bobAfter.messages());
        assertTrue(bobAfter.errors().get(0).matches("Comment " + id + " was already approved by " + alice + " (just now|\\d+ s ago)\\."),
                bobAfter.errors().get(0));
        assertTrue(bobAfter.show(View.APPROVED).lists(id), "it stays approved");
    }

    @Test
    void aStaffReplyShowsOnTheArticle() throws IOException {
        long question = pending("Is this on?");
        ModerationPage desk = deskOf("admin", ModeratoServer.ADMIN_PASSWORD);
        ModerationPage after = desk.reply(question, "Yes, it is. " + tag);
        assertEquals(List.of("Comment " + question + " approved and your reply published."), after.messages());
        long reply = Long.parseLong(after.lastReplyLink().replaceAll(".*#comment-", ""));

        ArticlePage article = ArticlePage.open(browsers.fresh("reader").driver(), server, Readers.WELCOME);
        CommentView shownQuestion = article.comment(question).orElseThrow(() -> new AssertionError("the question is not public"));
        CommentView shownReply = article.comment(reply).orElseThrow(() -> new AssertionError("the reply is not on the article"));
        assertAll("readers see the answer, marked as staff",
                () -> assertFalse(shownQuestion.staff()),
                () -> assertTrue(shownReply.staff()),
                () -> assertEquals("admin", shownReply.author()),
                () -> assertEquals("Yes, it is. " + tag, shownReply.text()),
                () -> assertTrue(article.commentIds().indexOf(reply) > article.commentIds().indexOf(question)));
    }
}
