package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * An author edits or deletes their own comment in the minutes after posting, through the link on the
 * page the post redirects to: no session, no account. An edit is checked again and can only move a
 * comment towards more scrutiny; the desk sees every version, "edited by its author".
 */
@ExtendWith(SharedServer.class)
class OwnCommentEditIT {

    private static final Pattern LINK = Pattern.compile("id=\"own-comment-link\" href=\"([^\"]+)\"");

    private WebClient admin;
    private WebClient author;
    private String article;

    @BeforeEach
    void clients(ModeratoServer server) throws IOException {
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        author = WebClient.anonymous(server);
        // an article of its own: the checks below look for the comment on the article's first page
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Own edits " + unique());
        fields.put("byline", "OwnCommentEditIT");
        fields.put("body", "An article to comment on.");
        fields.put("status", "PUBLISHED");
        long id = ArticleForms.create(admin, fields);
        article = ArticleForms.value(admin.get("/admin/edit-article?id=" + id), "slug");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Posts and returns the id and the edit link the author's landing page shows. */
    private Posted post(String text) throws IOException {
        String email = "author-" + unique() + "@example.com";
        HttpPage posted = Comments.post(author, article, "Author " + unique(), email, text, null);
        long id = Comments.idOf(posted);
        HttpPage landing = author.get(posted.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""));
        Matcher link = LINK.matcher(landing.body());
        assertTrue(link.find(), "the author's landing page offers the edit link:\n" + landing.body());
        return new Posted(id, link.group(1).replace("&amp;", "&"), email);
    }

    private record Posted(long id, String link, String email) {
        String key() {
            return link.substring(link.indexOf("key=") + 4);
        }
    }

    private HttpPage send(Posted posted, String action, String text) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("c", Long.toString(posted.id()));
        fields.put("key", posted.key());
        fields.put("comment", text);
        fields.put("action", action);
        return author.postForm("/own-comment", fields);
    }

    @Test
    void anAuthorEditsTheirPendingCommentAndTheDeskKeepsEveryVersion() throws IOException {
        String first = "First thoughts " + unique();
        Posted posted = post(first);
        HttpPage page = author.get(posted.link());
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains(first), "the edit page shows the text as it is");
        assertTrue(page.headerValues("Set-Cookie").isEmpty(), "no session for a reader");
        assertEquals(java.util.List.of(), new LeakScanner(java.util.List.of(posted.email())).findIn(page));

        String second = "Second thoughts " + unique();
        HttpPage saved = send(posted, "save", second);
        assertEquals(303, saved.status(), saved.body());
        HttpPage preview = author.get(saved.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""));
        assertTrue(preview.body().contains(second), "the author's preview shows the new text");
        assertFalse(preview.body().contains(first));

        HttpPage history = admin.get("/moderation-comment?id=" + posted.id());
        assertTrue(history.body().contains(first), "the previous version stays in the history");
        assertTrue(history.body().contains("its author edited it"), history.body());
        assertTrue(admin.queueShowing("/moderation", posted.id()).body().contains("edited by its author"));
    }

    @Test
    void anEditOfAnApprovedCommentGoesThroughTheLinkLimitAgain() throws IOException {
        admin.saveRules(Map.of("linkLimit", "1"));
        Posted posted = post("Plain and harmless " + unique());
        admin.moderate("/moderation", posted.id(), "Approve");
        assertTrue(Comments.isPublished(author, article, posted.id()));

        HttpPage saved = send(posted, "save", "Now with https://one.example/a and https://two.example/b " + unique());
        assertEquals(303, saved.status(), saved.body());
        assertFalse(Comments.isPublished(author, article, posted.id()), "the edited comment left the page for the queue");
        String history = admin.get("/moderation-comment?id=" + posted.id()).body();
        assertTrue(history.contains("after the author&#39;s edit: held: 2 links, limit 1")
                || history.contains("after the author's edit: held: 2 links, limit 1"), history);
    }

    @Test
    void anAuthorDeletesTheirComment() throws IOException {
        Posted posted = post("Regret this " + unique());
        HttpPage deleted = send(posted, "delete", "");
        assertEquals(200, deleted.status(), deleted.body());
        assertTrue(deleted.hasElement("own-comment-deleted"));
        String detail = admin.get("/moderation-comment?id=" + posted.id()).body();
        assertTrue(detail.contains("by its author"), detail);
        assertEquals(410, send(posted, "save", "back again").status(), "a deleted comment cannot be edited back");
    }

    @Test
    void aForgedOrAnotherCommentsKeyOpensNothing() throws IOException {
        Posted mine = post("Mine " + unique());
        Posted other = post("Another " + unique());
        HttpPage forged = author.get("/own-comment?c=" + other.id() + "&key=" + mine.key());
        assertEquals(403, forged.status());
        assertTrue(forged.hasElement("own-comment-refused"));
        HttpPage edit = send(new Posted(other.id(), mine.link(), mine.email()), "save", "Hijacked " + unique());
        assertEquals(403, edit.status());
        assertFalse(admin.get("/moderation-comment?id=" + other.id()).body().contains("Hijacked"));
    }

    @Test
    void anEmptyEditIsRefusedBesideTheFieldAndChangesNothing() throws IOException {
        String text = "Keep me " + unique();
        Posted posted = post(text);
        HttpPage refused = send(posted, "save", "   ");
        assertEquals(400, refused.status(), refused.body());
        assertTrue(refused.element("span", "comment-error").contains("Please type your comment."), refused.body());
        assertTrue(admin.get("/moderation-comment?id=" + posted.id()).body().contains(text));
    }

    @Test
    void whenTheSiteTurnsEditingOffTheLinkStopsWorkingAtOnce() throws IOException {
        Posted posted = post("Before the switch " + unique());
        admin.saveRules(Map.of("ownEditMinutes", "0"));
        assertEquals(403, send(posted, "save", "After the switch " + unique()).status());
        HttpPage posted2 = Comments.post(author, article, "Author " + unique(), "a-" + unique() + "@example.com", "No link " + unique(), null);
        HttpPage landing = author.get(posted2.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""));
        assertFalse(landing.hasElement("own-comment-notice"), "no edit link while editing is off");
    }
}
