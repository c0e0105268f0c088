package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.platform.SiteSecret;
import org.moderato.rules.FormToken;
import org.moderato.testing.Comments;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * The site rules on the running server: what readers see when a check refuses them, what moderators
 * see when one holds a comment, and the admin page that changes the rules. The shared server puts
 * the rules back after each test.
 */
@ExtendWith(SharedServer.class)
class SiteRulesIT {

    private static final String ARTICLE = "why-comments-need-moderation";

    private ModeratoServer server;
    private WebClient admin;

    @BeforeEach
    void logIn(ModeratoServer server) throws IOException {
        this.server = server;
        admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** Letters only: key-list words read digits as letters ("v1agra"), so a unique word has none. */
    private static String letters() {
        StringBuilder word = new StringBuilder();
        java.util.concurrent.ThreadLocalRandom.current().ints(8, 'a', 'z' + 1).forEach(c -> word.append((char) c));
        return word.toString();
    }

    private static long idFrom(HttpPage posted) {
        Matcher id = Pattern.compile("comment-(\\d+)$").matcher(posted.location());
        assertTrue(id.find(), posted.location());
        return Long.parseLong(id.group(1));
    }

    @Test
    void aHeldCommentShowsTheModeratorWhy() throws IOException {
        HttpPage posted = WebClient.anonymous(server).postComment(ARTICLE, "Linker", "linker-" + unique() + "@example.com", "",
                "See https://a.example and https://b.example " + unique());
        long id = idFrom(posted);
        String item = admin.queueShowing("/moderation", id).element("li", "queued-" + id);
        assertTrue(item.contains("held: 2 links, limit 2"), item);
        assertTrue(item.contains("held: first comment from this author"), item);
    }

    @Test
    void aKnownAuthorIsApprovedAtOnceInTheBrowserTheyPostedFrom() throws IOException {
        String email = "known-" + unique() + "@example.com";
        WebClient reader = WebClient.withCookies(server);
        long first = idFrom(reader.postCommentRemembered(ARTICLE, "Known", email, "First words " + unique()));
        admin.moderate("/moderation", first, "Approve");

        HttpPage second = reader.postCommentRemembered(ARTICLE, "Known", email.toUpperCase(), "Second words " + unique());
        assertEquals(303, second.status());
        long id = idFrom(second);
        assertTrue(second.location().contains("unapproved=" + id), "the same redirect as for a held comment");
        assertTrue(Comments.isPublished(reader, ARTICLE, id), "published at once");
    }

    @Test
    void anAuthorMarkedAlwaysHoldWaitsEvenWhenTrusted() throws IOException {
        String email = "watched-" + unique() + "@example.com";
        WebClient reader = WebClient.withCookies(server);
        long first = idFrom(reader.postCommentRemembered(ARTICLE, "Watched", email, "First " + unique()));
        admin.moderate("/moderation", first, "Approve");
        HttpPage marked = admin.moderate("/moderation?status=approved", first, "Always hold author");
        assertTrue(marked.body().contains("The author of comment " + first + " is now always held for moderation."));

        long id = idFrom(reader.postCommentRemembered(ARTICLE, "Watched", email, "Second " + unique()));
        assertFalse(Comments.isPublished(reader, ARTICLE, id), "held although the author has an approved comment");
        assertTrue(admin.queueShowing("/moderation", id).element("li", "queued-" + id).contains("held: author is marked &#39;always hold&#39;")
                || admin.queueShowing("/moderation", id).element("li", "queued-" + id).contains("held: author is marked 'always hold'"));

        admin.moderate("/moderation", id, "Stop holding author");
        long third = idFrom(reader.postCommentRemembered(ARTICLE, "Watched", email, "Third " + unique()));
        assertTrue(Comments.isPublished(reader, ARTICLE, third), "trusted again");
    }

    @Test
    void theAdminChangesARuleAndTheNextCommentFollowsIt() throws IOException {
        String word = "zorkcoin" + letters();
        HttpPage saved = admin.saveRules(Map.of("disallowedKeys", word));
        assertTrue(saved.body().contains("Settings saved. Disallowed comment keys: 1 line added, 0 removed."), saved.body());

        HttpPage posted = WebClient.anonymous(server).postComment(ARTICLE, "Seller", "seller-" + unique() + "@example.com",
                "https://shop.example/" + word.toUpperCase(), "Great article " + unique());
        long id = idFrom(posted);
        assertTrue(posted.location().contains("unapproved=" + id), "the spammer sees an ordinary 'awaiting moderation'");
        String item = admin.get("/moderation?status=spam").element("li", "queued-" + id);
        assertTrue(item.contains("spam: disallowed word '" + word + "' in website"), item);

        String log = admin.get("/admin/rules").element("table", "rule-change-log");
        assertTrue(log.contains("<td>admin</td><td>Disallowed comment keys: 1 line added, 0 removed</td>"), log);
    }

    @Test
    void badSettingsAreRefusedBesideTheirFieldsAndNothingIsSaved() throws IOException {
        HttpPage refused = admin.saveRules(Map.of("disallowedKeys", "casino\n\n10.0.0.0/33", "linkLimit", "-1", "moderationKeys", "loan"));
        assertTrue(refused.body().contains("Nothing was saved: please correct the settings marked below."));
        assertTrue(refused.body().contains("Line 3 (\"10.0.0.0/33\"): the prefix must be a number from 0 to 32."), refused.body());
        assertTrue(refused.body().contains("Enter 0 (off) or a number of links up to 100."));
        assertTrue(refused.body().contains("10.0.0.0/33</textarea>"), "what the admin typed is kept");

        Map<String, String> stored = HtmlForm.fields(admin.get("/admin/rules").body(), "rulesform");
        assertEquals("", stored.get("moderationKeys"), "the valid moderation list was not saved either");
        assertEquals("2", stored.get("linkLimit"));
    }

    @Test
    void theDryRunCountsWhatNewRulesWouldChangeAndSavesNothing() throws IOException {
        String word = "quuxword" + letters();
        String email = "dry-" + unique() + "@example.com";
        long id = idFrom(WebClient.anonymous(server).postComment(ARTICLE, "Dry Runner", email, "", "I mention " + word + " here"));
        admin.moderate("/moderation", id, "Approve");

        HttpPage rules = admin.get("/admin/rules");
        Map<String, String> form = HtmlForm.fields(rules.body(), "rulesform");
        form.put("disallowedKeys", word);
        form.put("dry-run", "Dry run");
        HttpPage dryRun = admin.postForm("/admin/rules", form);

        String summary = dryRun.element("ul", "dry-run-summary");
        assertTrue(summary.matches("(?s).*<li>1 approved would be spam</li>.*"), summary);
        assertTrue(dryRun.element("li", "dry-run-" + id).contains("Dry Runner"));
        assertTrue(dryRun.body().contains("Dry run: nothing was saved."));
        assertFalse(HtmlForm.fields(admin.get("/admin/rules").body(), "rulesform").get("disallowedKeys").contains(word));
    }

    @Test
    void aDuplicateIsRefusedWith409AndTheReaderKeepsWhatTheyTyped() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String email = "twice-" + unique() + "@example.com";
        String text = "Exactly this " + unique();
        assertEquals(303, reader.postComment(ARTICLE, "Echo", email, "", text).status());
        HttpPage again = reader.postComment(ARTICLE, "Echo", email, "", text);
        assertEquals(409, again.status());
        assertTrue(again.element("ul", "form-errors").contains("Duplicate comment detected; it looks as though you&#39;ve already said that!")
                || again.element("ul", "form-errors").contains("Duplicate comment detected; it looks as though you've already said that!"), again.body());
        assertTrue(again.element("textarea", "comment").contains(text));
    }

    @Test
    void theSameTextIsNoDuplicateAsAReplyOrOnceTheFirstIsTrashed() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String email = "again-" + unique() + "@example.com";
        String text = "Said once per place " + unique();
        HttpPage first = reader.postComment(ARTICLE, "Echo", email, "", text);
        assertEquals(303, first.status());
        long firstId = org.moderato.testing.Comments.idOf(first);
        admin.moderate("/moderation", firstId, "Approve");
        // the same words as a reply to that comment are another comment, not a repetition
        HttpPage reply = reader.postComment(ARTICLE, "Echo", email, "", text,
                WebClient.formTokenOf(reader.get("/articles/" + ARTICLE)), firstId);
        assertEquals(303, reply.status(), reply.body());
        assertEquals(409, reader.postComment(ARTICLE, "Echo", email, "", text).status());
        admin.moderate("/moderation?status=approved", firstId, "Trash");
        assertEquals(303, reader.postComment(ARTICLE, "Echo", email, "", text).status(), "a trashed comment is no reason to refuse");
    }

    @Test
    void aFloodIsRefusedWith429() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        String email = "fast-" + unique() + "@example.com";
        assertEquals(303, reader.postComment(ARTICLE, "Quick", email, "", "One " + unique()).status());
        admin.saveRules(Map.of("floodSeconds", "60"));
        HttpPage second = reader.postComment(ARTICLE, "Quick", email, "", "Two " + unique());
        assertEquals(429, second.status());
        assertTrue(second.element("ul", "form-errors").contains("You are posting comments too quickly. Slow down."));
    }

    @Test
    void botsAreRefusedWithANeutralMessageAndNothingIsStored() throws IOException {
        WebClient bot = WebClient.anonymous(server);
        String text = "Bot text " + unique();
        String neutral = "Sorry, your comment could not be posted. Please wait a moment and send it again.";

        HttpPage noToken = bot.postComment(ARTICLE, "Bot", "bot-" + unique() + "@example.com", "", text, "");
        assertEquals(403, noToken.status());
        assertTrue(noToken.body().contains(neutral));

        String token = tokenOf(bot.get("/articles/" + ARTICLE));
        String email = "replay-" + unique() + "@example.com";
        assertEquals(303, bot.postComment(ARTICLE, "Replay", email, "", "First " + unique(), token).status());
        HttpPage replayed = bot.postComment(ARTICLE, "Replay", email, "", "Second " + unique(), token);
        assertEquals(403, replayed.status(), "a token is used once");

        Map<String, String> honeypot = new LinkedHashMap<>();
        honeypot.put("commentform", "commentform");
        honeypot.put("comment", text);
        honeypot.put("author", "Bot");
        honeypot.put("email", "pot-" + unique() + "@example.com");
        honeypot.put("url", "");
        honeypot.put("comment_extra", "http://spam.example");
        honeypot.put("moderato_token", tokenOf(bot.get("/articles/" + ARTICLE)));
        honeypot.put("submit", "Post Comment");
        honeypot.put("jakarta.faces.ViewState", "stateless");
        assertEquals(403, bot.postForm("/articles/" + ARTICLE, honeypot).status());

        // the test signs forms as the server does, so it decides their age instead of racing the clock
        admin.saveRules(Map.of("formMinSeconds", "60"));
        FormToken forms = new FormToken(SiteSecret.derive(ModeratoServer.SECRET.getBytes(StandardCharsets.UTF_8), "form-token"));
        long articleId = FormToken.articleOf(tokenOf(bot.get("/articles/" + ARTICLE)));
        HttpPage tooFast = bot.postComment(ARTICLE, "Fast", "fast-" + unique() + "@example.com", "", text, forms.issue(articleId, Instant.now()));
        assertEquals(403, tooFast.status());
        HttpPage readFirst = bot.postComment(ARTICLE, "Patient", "patient-" + unique() + "@example.com", "", "Read it first " + unique(),
                forms.issue(articleId, Instant.now().minusSeconds(120)));
        assertEquals(303, readFirst.status(), "the same form served two minutes ago passes: its age alone was refused");

        for (String view : new String[] {"pending", "spam", "approved"}) {
            assertFalse(admin.get("/moderation?status=" + view).body().contains(text), view);
        }
    }

    @Test
    void nameAndEmailCanBeMadeOptional() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        HttpPage required = reader.postComment(ARTICLE, "", "", "", "No name " + unique());
        assertTrue(required.element("span", "author-error").contains("Please enter your name."));
        assertTrue(required.element("span", "email-error").contains("Please enter your email address."));

        Map<String, String> optional = new HashMap<>();
        optional.put("requireNameAndEmail", null);
        admin.saveRules(optional);
        HttpPage posted = reader.postComment(ARTICLE, "", "", "", "No name " + unique());
        assertEquals(303, posted.status(), posted.body());
        String item = admin.queueShowing("/moderation", idFrom(posted)).element("li", "queued-" + idFrom(posted));
        assertTrue(item.contains("Anonymous"));
        assertTrue(item.contains("held: no email address, so the author cannot be recognised"), item);
    }

    @Test
    void repliesGoOnlyToPublishedCommentsOfTheSameArticle() throws IOException {
        WebClient reader = WebClient.anonymous(server);
        long parent = idFrom(reader.postComment(ARTICLE, "Parent", "parent-" + unique() + "@example.com", "", "Parent " + unique()));
        HttpPage toPending = replyTo(reader, parent, "Too early " + unique());
        assertEquals(400, toPending.status());
        assertTrue(toPending.body().contains("You can only reply to a published comment on this article."));

        admin.moderate("/moderation", parent, "Approve");
        HttpPage reply = replyTo(reader, parent, "A reply " + unique());
        assertEquals(303, reply.status(), reply.body());
    }

    private static HttpPage replyTo(WebClient reader, long parent, String text) throws IOException {
        return Comments.post(reader, ARTICLE, "Replier", "replier-" + unique() + "@example.com", text, parent);
    }

    private static String tokenOf(HttpPage article) {
        String token = WebClient.formTokenOf(article);
        assertFalse(token.isEmpty());
        return token;
    }
}
