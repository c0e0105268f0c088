package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
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
 * The moderator's desk over plain HTTP (no JavaScript): views and counts, rows, paging by key, search,
 * every action with its history row, bulk, undo, permanent deletion, staff replies and edits.
 * Each test works on comments with its own unique text, so tests share the server and run in any order.
 */
@ExtendWith(SharedServer.class)
class DeskIT {

    static final String WELCOME = "welcome-to-moderato";
    static final String WHY = "why-comments-need-moderation";

    private static ModeratoServer server;

    /** This test's own mark, in every text it posts; the queue is searched for it. */
    private final String tag = unique();

    @BeforeAll
    static void server(ModeratoServer shared) {
        server = shared;
    }

    static String unique() {
        return Readers.unique();
    }

    static long post(String slug, String author, String email, String text, Long parent) throws IOException {
        return Readers.post(server, slug, author, email, text, parent);
    }

    static long pending(String text) throws IOException {
        return Readers.pending(server, text);
    }

    static Desk admin() throws IOException {
        return Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD);
    }

    /** The admin's queue narrowed to this test's comments: other tests' comments never push them off the page. */
    private Desk desk() throws IOException {
        return admin().open("/moderation?s=" + tag);
    }

    @AfterEach
    void leaveNothingPending() throws IOException {
        admin().trashPendingMatching(tag);
    }

    private static int indexOf(String body, long id) {
        return body.indexOf("id=\"queued-" + id + "\"");
    }

    @Test
    void viewsHaveLiveCountsAndTheirOwnOrder() throws IOException {
        long first = pending("Order first " + tag);
        long second = pending("Order second " + tag);
        long third = pending("Order third " + tag);
        Desk desk = desk();
        assertEquals(List.of(first, second, third), desk.ids(), "pending: oldest first");
        long pendingBefore = desk.count("pending");
        long approvedBefore = desk.count("approved");
        long allBefore = desk.count("all");

        desk.press(first, "Approve").press(second, "Approve");
        assertEquals(pendingBefore - 2, desk.count("pending"));
        assertEquals(approvedBefore + 2, desk.count("approved"));
        assertEquals(allBefore, desk.count("all"), "All is pending and approved together");

        assertEquals(List.of(second, first), desk.open("/moderation?status=approved&s=" + tag).ids(), "approved: newest first");
        desk.press(second, "Spam");
        assertEquals(List.of(third, first), desk.open("/moderation?status=all&s=" + tag).ids(), "All: newest first, no spam");
        assertTrue(desk.item(third).contains(">pending<") && desk.item(first).contains(">approved<"), "All says which is which");
    }

    @Test
    void aRowShowsReasonsTheCommentRepliedToAndTheAuthorsHistory() throws IOException {
        String email = "history." + tag + "@example.org";
        long parent = post(WELCOME, "Parent Author", "parent." + tag + "@example.org",
                "The parent comment " + tag + " says something long enough to be cut short when it is quoted in the queue as the "
                        + "comment a reply answers, which is the point of this sentence going on and on.", null);
        Desk desk = desk();
        desk.press(parent, "Approve");
        long spammed = post(WELCOME, "History Author", email, "First try " + tag, null);
        desk.open("/moderation?s=" + tag).press(spammed, "Spam");
        long reply = post(WELCOME, "History Author", email, "A reply " + tag, parent);

        String row = desk.open("/moderation?s=" + tag).item(reply);
        assertTrue(row.contains("In reply to <b>Parent Author</b>"), row);
        assertTrue(row.contains("The parent comment " + tag), row);
        assertTrue(row.contains("…</q>"), "a long parent is shortened: " + row);
        assertTrue(row.contains("held: first comment from this author"), "the rules' reason: " + row);
        assertTrue(row.contains("0 approved") && row.contains("1 held") && row.contains("1 spam"), "history by address: " + row);
        assertTrue(row.contains("h•••@e•••.org"), row);
        assertFalse(desk.page().body().contains(email), "never the address itself");
    }

    @Test
    void pagesGoByKeyAndKeepTheSearch() throws IOException {
        List<Long> posted = new ArrayList<>();
        for (int i = 0; i < 55; i++) {
            posted.add(pending("Paging " + i + " " + tag));
        }
        Desk desk = desk();
        assertEquals(posted.subList(0, 50), desk.ids());
        String next = link(desk.page(), "page-next");
        assertEquals("/moderation?status=pending&s=" + tag + "&after=" + posted.get(49), next, "the next page starts after a key");
        assertFalse(desk.page().hasElement("page-previous"));

        desk.open(next);
        assertEquals(posted.subList(50, 55), desk.ids());
        assertFalse(desk.page().hasElement("page-next"), "nothing after the last page");
        desk.open(link(desk.page(), "page-previous"));
        assertEquals(posted.subList(0, 50), desk.ids(), "back to the first page");

        desk.open("/moderation?status=pending&s=" + tag + "&before=" + posted.get(10));
        assertEquals(posted.subList(0, 50), desk.ids(), "a short page back tops up to a full first page");
        desk.open("/moderation?status=trash&s=" + tag + "&after=" + posted.get(10));
        assertEquals(List.of(), desk.ids());
        assertEquals("/moderation?status=trash&s=" + tag, link(desk.page(), "page-previous"), "from an empty page back to the top");
    }

    @Test
    void searchFindsTextAuthorOrArticleAndTheArticleFilterNarrows() throws IOException {
        long onWelcome = post(WELCOME, "Searcher " + tag, "s1." + tag + "@example.org", "Plain words here", null);
        long onWhy = post(WHY, "Someone", "s2." + tag + "@example.org", "Text with " + tag + " inside", null);
        Desk desk = desk();
        assertEquals(List.of(onWelcome), desk.open("/moderation?s=searcher+" + tag).ids(), "by author, any case");
        assertEquals(List.of(onWhy), desk.open("/moderation?s=WITH+" + tag).ids(), "by text");
        desk.open("/moderation?status=all&s=Why+comments+need+moderation");
        assertTrue(desk.lists(onWhy), "by article title (newest first, so on the first page)");
        assertFalse(desk.lists(onWelcome));

        HttpPage why = desk.open("/moderation?status=all&article=2").page();
        assertTrue(why.body().contains("<option value=\"2\" selected=\"selected\">Why comments need moderation</option>"));
        assertTrue(desk.lists(onWhy));
        assertFalse(desk.lists(onWelcome));
        assertTrue(desk.count("all") < admin().count("all"), "counts follow the article filter");
        assertTrue(link(why, "view-spam").contains("article=2"), "the tabs keep the filter");
        desk.open("/moderation?s=%25%25%25" + tag);
        assertEquals(List.of(), desk.ids(), "LIKE wildcards typed by the moderator match only themselves");
    }

    @Test
    void everyStatusChangeIsAHistoryRowOnTheCommentsPage() throws IOException {
        long id = pending("History " + tag);
        Desk desk = desk();
        desk.press(id, "Approve").open("/moderation?status=approved&s=" + tag).press(id, "Unapprove")
                .open("/moderation?s=" + tag).press(id, "Spam")
                .open("/moderation?status=spam&s=" + tag).press(id, "Not spam")
                .open("/moderation?s=" + tag).press(id, "Trash")
                .open("/moderation?status=trash&s=" + tag).press(id, "Restore");
        assertEquals(List.of("Comment " + id + ": pending."), desk.infos());

        HttpPage detail = desk.client().get("/moderation-comment?id=" + id);
        assertEquals(200, detail.status());
        String history = detail.element("table", "comment-history");
        List<String> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<td class=\"history-actor\">([^<]*)</td>\\s*<td class=\"history-from\">([^<]*)</td>"
                + "\\s*<td class=\"history-to\">([^<]*)</td>").matcher(history);
        while (row.find()) {
            rows.add(row.group(1) + ": " + row.group(2) + " -> " + row.group(3));
        }
        assertEquals(List.of("rules: — -> pending", "admin: pending -> approved", "admin: approved -> pending",
                "admin: pending -> spam", "admin: spam -> pending", "admin: pending -> trash", "admin: trash -> pending"), rows);
        assertEquals(404, desk.client().get("/moderation-comment?id=999999999").status());
    }

    @Test
    void anEditIsRecordedAndTheEarlierTextKept() throws IOException {
        long id = pending("Typo " + tag + " <b>teh</b> text");
        Desk desk = desk().press(id, "Edit");
        assertTrue(desk.item(id).contains("Typo " + tag + " &lt;b&gt;teh&lt;/b&gt; text</textarea>"), "the stored text, escaped");
        desk.submitText(id, "edit-text", "Fixed " + tag + " <b>the</b> text", "Save text");
        assertEquals(List.of("Comment " + id + ": text saved (the earlier text is kept in its history)."), desk.infos());
        assertTrue(desk.item(id).contains("Fixed " + tag + " <b>the</b> text"));
        assertTrue(desk.item(id).contains("edited by admin"));

        HttpPage detail = desk.client().get("/moderation-comment?id=" + id);
        assertTrue(detail.element("table", "comment-history").contains("edited the text"));
        assertTrue(detail.element("ol", "comment-revisions").contains("Typo " + tag + " &lt;b&gt;teh&lt;/b&gt; text"));

        desk.press(id, "Edit").submitText(id, "edit-text", "   ", "Save text");
        assertEquals(List.of("The text cannot be empty; trash the comment instead."), desk.errors());
    }

    @Test
    void permanentDeletionOnlyFromSpamOrTrashAndOnlyAfterConfirming() throws IOException {
        long id = pending("Delete me " + tag);
        Desk desk = desk();
        assertFalse(desk.item(id).contains("Delete permanently"), "not offered for a pending comment");
        desk.press(id, "Spam").open("/moderation?status=spam&s=" + tag).press(id, "Delete permanently");
        assertTrue(desk.page().hasElement("confirm-delete"), "a second step first");
        assertTrue(desk.lists(id), "not deleted yet");
        desk.pressId("confirm-delete-no", "Cancel");
        assertFalse(desk.page().hasElement("confirm-delete"));
        assertTrue(desk.open("/moderation?status=spam&s=" + tag).lists(id), "cancel keeps it");

        desk.press(id, "Delete permanently").pressId("confirm-delete-yes", "Delete permanently");
        assertEquals(List.of("Comment " + id + " was deleted permanently."), desk.infos());
        assertFalse(desk.lists(id));
        HttpPage detail = desk.client().get("/moderation-comment?id=" + id);
        assertEquals(200, detail.status());
        assertTrue(detail.body().contains("Deleted permanently from spam"), "what is left: who deleted it and when");
        assertFalse(detail.body().contains("Delete me"), "and nothing of the text");

        long stillPending = pending("Not deletable " + tag);
        desk.open("/moderation?s=" + tag).bulk("delete", stillPending).pressId("confirm-delete-yes", "Delete permanently");
        assertEquals(List.of("Comment " + stillPending + " is pending: only spam and trashed comments can be deleted permanently."),
                desk.errors(), "a forged bulk delete of a pending comment");
        assertTrue(desk.open("/moderation?s=" + tag).lists(stillPending));
    }

    @Test
    void aStaffReplyIsPublishedAtOnceMarkedStaffAndApprovesThePendingComment() throws IOException {
        long id = pending("Question " + tag);
        Desk desk = desk().press(id, "Reply");
        desk.submitText(id, "reply-text", "Answer from the team " + tag, "Post reply");
        assertEquals(List.of("Comment " + id + " approved and your reply published."), desk.infos());
        String link = link(desk.page(), "last-reply");
        Matcher replyId = Pattern.compile("#comment-(\\d+)$").matcher(link);
        assertTrue(replyId.find(), link);

        HttpPage article = WebClient.anonymous(server).get("/articles/" + WELCOME);
        String question = article.element("article", "div-comment-" + id);
        String reply = article.element("li", "comment-" + replyId.group(1));
        assertTrue(question.contains("Question " + tag), "the question is public now");
        assertTrue(reply.contains("Answer from the team " + tag));
        assertTrue(reply.matches("(?s)<li id=\"comment-\\d+\" class=\"comment byuser comment-by-staff (even|odd alt) depth-2\".*"), reply);
        assertTrue(reply.contains("<span class=\"comment-staff\">Staff</span>"));
        assertTrue(reply.contains("<b class=\"fn\">admin</b>"));
        assertFalse(question.contains("comment-staff"), "only the staff reply is marked");

        long spam = pending("Spam question " + tag);
        desk.open("/moderation?s=" + tag).press(spam, "Spam").open("/moderation?status=spam&s=" + tag);
        assertFalse(desk.item(spam).contains("value=\"Reply\""), "no reply to spam");
    }

    @Test
    void bulkActionsAndUndo() throws IOException {
        long a = pending("Bulk a " + tag);
        long b = pending("Bulk b " + tag);
        long c = pending("Bulk c " + tag);
        Desk desk = desk();
        assertTrue(desk.page().body().contains("<option value=\"approve\">Approve</option>"));
        assertFalse(desk.page().body().contains("<option value=\"delete\">"), "no permanent delete offered for pending");

        desk.bulk("approve", a, c);
        assertEquals(List.of("2 comments: approved."), desk.infos());
        assertEquals(List.of(b), desk.ids());

        desk.pressId("undo", "Undo");
        assertEquals(List.of("Undone: 2 comments are back where they were."), desk.infos());
        assertEquals(List.of(a, b, c), desk.ids());
        assertFalse(desk.page().hasElement("undo"), "one undo per action");

        desk.bulk("trash");
        assertEquals(List.of("Select one or more comments first."), desk.errors());
        desk.open("/moderation?s=" + tag + "&select=all");
        assertEquals(3, desk.page().body().split("name=\"selected\" value=\"\\d+\" checked=\"checked\"").length - 1,
                "'Select all' without JavaScript ticks every row");
    }

    @Test
    void undoAfterSomeoneElseChangedTheCommentIsRefused() throws IOException {
        long id = pending("Undo race " + tag);
        Desk mine = desk().press(id, "Approve");
        desk().open("/moderation?status=approved&s=" + tag).press(id, "Trash");
        mine.pressId("undo", "Undo");
        assertEquals(1, mine.errors().size(), mine.page().body());
        assertTrue(mine.errors().get(0).matches("Comment " + id + " was already moved to the trash by you (just now|\\d+ s ago)\\. Not undone\\."),
                mine.errors().get(0));
    }

    static String link(HttpPage page, String id) {
        Matcher href = Pattern.compile("id=\"" + id + "\" href=\"([^\"]*)\"").matcher(page.body());
        assertTrue(href.find(), "no link #" + id);
        return href.group(1).replace("&amp;", "&");
    }
}
