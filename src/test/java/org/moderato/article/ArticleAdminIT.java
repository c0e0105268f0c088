package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.testing.ArticleForms.create;
import static org.moderato.testing.ArticleForms.save;
import static org.moderato.testing.ArticleForms.textarea;
import static org.moderato.testing.ArticleForms.value;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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

/** Admins write and manage articles at /admin/articles, over plain HTTP against the real server. */
@ExtendWith(SharedServer.class)
class ArticleAdminIT {

    private static final DateTimeFormatter FORM_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    static WebClient admin(ModeratoServer server) throws IOException {
        WebClient staff = WebClient.withCookies(server);
        assertEquals(302, staff.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        return staff;
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void onlyAdminsReachTheArticlePages(ModeratoServer server) throws IOException {
        WebClient anonymous = WebClient.anonymous(server);
        for (String path : new String[] {"/admin/articles", "/admin/edit-article", "/admin/edit-article?id=1", "/admin/import", "/admin/export"}) {
            HttpPage page = anonymous.get(path);
            assertEquals(302, page.status(), path);
            assertTrue(page.location().endsWith("/login"), path);
        }
        assertEquals(302, anonymous.postForm("/admin/edit-article", Map.of("articleform", "articleform", "title", "x",
                "save", "Save", "jakarta.faces.ViewState", "stateless")).status());
        assertEquals(404, admin(server).get("/admin/edit-article?id=999999").status());
    }

    @Test
    void anArticleWrittenInMarkdownIsPublishedSanitisedAndListed(ModeratoServer server) throws IOException {
        WebClient staff = admin(server);
        String title = unique("Markdown & more");
        long id = create(staff, Map.of("title", title, "byline", "Ada Admin", "status", "PUBLISHED", "format", "MARKDOWN",
                "body", "## Sub\n\nText with **bold** and a [link](https://example.com).\n\n<script>alert(1)</script><img src=x onerror=alert(2)>"));
        HttpPage edit = staff.get("/admin/edit-article?id=" + id);
        assertTrue(edit.body().contains("Saved \u201c" + title.replace("&", "&amp;") + "\u201d."), "the saved message after the redirect");
        String slug = value(edit, "slug");
        assertTrue(slug.matches("markdown-and-more-[a-z0-9]{8}"), slug);

        HttpPage article = WebClient.anonymous(server).get("/articles/" + slug);
        assertEquals(200, article.status());
        assertTrue(article.body().contains("<h2>Sub</h2>"));
        assertTrue(article.body().contains("<strong>bold</strong>"));
        assertTrue(article.body().contains("<a href=\"https://example.com\">link</a>"));
        assertFalse(article.body().contains("alert("), "no script from the body reaches readers");
        assertTrue(article.body().contains("By Ada Admin"));
        assertTrue(article.body().contains("id=\"commentform\""), "comments are open by default");

        assertTrue(WebClient.anonymous(server).get("/").body().contains(title.replace("&", "&amp;")));
        String row = staff.get("/admin/articles").element("tr", "article-" + id);
        assertTrue(row.contains("Published"));
        assertTrue(row.contains("0 approved"));
        assertTrue(row.contains("href=\"/moderation?status=pending&amp;article=" + id + "\""), row);
    }

    @Test
    void aChangedSlugAnswers301FromTheOldAddress(ModeratoServer server) throws IOException {
        WebClient staff = admin(server);
        String title = unique("Moving house");
        long id = create(staff, Map.of("title", title, "status", "PUBLISHED", "body", "Text"));
        String oldSlug = value(staff.get("/admin/edit-article?id=" + id), "slug");
        String newSlug = "moved-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(302, save(staff, "/admin/edit-article?id=" + id, Map.of("slug", newSlug)).status());

        WebClient reader = WebClient.anonymous(server);
        HttpPage old = reader.get("/articles/" + oldSlug);
        assertEquals(301, old.status());
        assertEquals("/articles/" + newSlug, old.location());
        assertEquals(200, reader.get("/articles/" + newSlug).status());

        String third = "moved-again-" + UUID.randomUUID().toString().substring(0, 8);
        assertEquals(302, save(staff, "/admin/edit-article?id=" + id, Map.of("slug", third)).status());
        assertEquals("/articles/" + third, reader.get("/articles/" + oldSlug).location(), "the first address follows too");
        assertEquals("/articles/" + third, reader.get("/articles/" + newSlug).location());

        HttpPage taken = save(staff, "/admin/edit-article?id=" + id, Map.of("slug", "welcome-to-moderato"));
        assertEquals(200, taken.status());
        assertTrue(taken.element("span", "slug-error").contains("The address /articles/welcome-to-moderato is already used by"),
                taken.element("span", "slug-error"));
    }

    @Test
    void draftsAndScheduledArticlesAre404ForReadersUntilPublished(ModeratoServer server) throws IOException {
        WebClient staff = admin(server);
        WebClient reader = WebClient.anonymous(server);
        String draftTitle = unique("Secret draft");
        long draft = create(staff, Map.of("title", draftTitle, "status", "DRAFT", "body", "Not yet"));
        String draftSlug = value(staff.get("/admin/edit-article?id=" + draft), "slug");
        assertEquals(404, reader.get("/articles/" + draftSlug).status());
        assertFalse(reader.get("/").body().contains(draftTitle));
        assertTrue(staff.get("/admin/articles").element("tr", "article-" + draft).contains("Draft"));
        HttpPage comment = reader.postComment(draftSlug, "Sneaky", "sneaky@example.org", "", "Commenting on a draft");
        assertEquals(404, comment.status(), "a draft takes no comments");

        String futureTitle = unique("Scheduled piece");
        String tomorrow = FORM_DATE.format(Instant.now().plus(1, ChronoUnit.DAYS));
        long scheduled = create(staff, Map.of("title", futureTitle, "status", "PUBLISHED", "publishAt", tomorrow, "body", "Soon"));
        HttpPage edit = staff.get("/admin/edit-article?id=" + scheduled);
        assertTrue(edit.element("b", "article-state").contains("Scheduled"));
        assertEquals(tomorrow, value(edit, "publishAt"));
        String futureSlug = value(edit, "slug");
        assertEquals(404, reader.get("/articles/" + futureSlug).status());
        assertFalse(reader.get("/").body().contains(futureTitle));

        assertEquals(302, save(staff, "/admin/edit-article?id=" + scheduled, Map.of("publishAt", "")).status());
        assertEquals(200, reader.get("/articles/" + futureSlug).status(), "published now");
        assertTrue(reader.get("/").body().contains(futureTitle));
    }

    @Test
    void closingCommentsShowsTheNoticeKeepsTheCommentsAndRefusesNewOnes(ModeratoServer server) throws IOException {
        WebClient staff = admin(server);
        WebClient reader = WebClient.anonymous(server);
        long id = create(staff, Map.of("title", unique("Closing soon"), "status", "PUBLISHED", "body", "Talk"));
        String slug = value(staff.get("/admin/edit-article?id=" + id), "slug");
        HttpPage posted = reader.postComment(slug, "Early Bird", "early-" + UUID.randomUUID() + "@example.org", "",
                "Before closing " + UUID.randomUUID());
        assertEquals(303, posted.status());

        Map<String, String> closed = new LinkedHashMap<>();
        HttpPage form = staff.get("/admin/edit-article?id=" + id);
        closed.put("articleform", "articleform");
        closed.put("title", value(form, "title"));
        closed.put("slug", value(form, "slug"));
        closed.put("byline", value(form, "byline"));
        closed.put("status", "PUBLISHED");
        closed.put("publishAt", value(form, "publishAt"));
        closed.put("format", "MARKDOWN");
        closed.put("body", "Talk");
        closed.put("version", value(form, "version"));
        closed.put("save", "Save");
        closed.put("jakarta.faces.ViewState", form.viewState());
        assertEquals(302, staff.postForm("/admin/edit-article?id=" + id, closed).status(), "an unticked box closes comments");

        HttpPage article = reader.get("/articles/" + slug);
        assertTrue(article.element("p", "comments-closed").contains("Comments are closed."));
        assertFalse(article.body().contains("id=\"commentform\""));
        int pendingBefore = pending(staff, id);
        String late = "After closing " + UUID.randomUUID();
        reader.postComment(slug, "Late Bird", "late-" + UUID.randomUUID() + "@example.org", "", late);
        assertEquals(pendingBefore, pending(staff, id), "nothing new is stored");
        assertFalse(staff.get("/moderation?status=pending&article=" + id).body().contains(late));
        assertEquals(1, pendingBefore, "the comment from before stays");
    }

    @Test
    void badInputIsAnsweredBesideTheFieldsKeepsTheInputAndStoresNothing(ModeratoServer server) throws IOException {
        WebClient staff = admin(server);
        String body = "Keep <b>this</b> " + UUID.randomUUID();
        HttpPage answer = save(staff, "/admin/edit-article", Map.of("title", " ", "byline", "", "publishAt", "next tuesday",
                "slug", "日本", "body", body));
        assertEquals(200, answer.status());
        assertTrue(answer.element("span", "title-error").contains("Please give the article a title."));
        assertTrue(answer.element("span", "byline-error").contains("Please say who wrote it."));
        assertTrue(answer.element("span", "publishAt-error").contains("like 2026-12-01 09:30"));
        assertTrue(answer.body().contains(body.replace("<", "&lt;").replace(">", "&gt;")), "the text is kept");
        assertTrue(answer.body().contains("value=\"next tuesday\""));
        assertFalse(staff.get("/admin/articles").body().contains(body.substring(body.length() - 8)));

        HttpPage badSlug = save(staff, "/admin/edit-article", Map.of("title", unique("Fine title"), "byline", "B", "slug", "日本", "body", body));
        assertEquals(200, badSlug.status());
        assertTrue(badSlug.element("span", "slug-error").contains("Use letters a-z, digits and hyphens"), badSlug.element("span", "slug-error"));

        HttpPage tooLong = save(staff, "/admin/edit-article", Map.of("title", "t".repeat(301), "byline", "B", "body", "x"));
        assertTrue(tooLong.element("span", "title-error").contains("The title is too long (at most 300 characters)."));
    }

    @Test
    void aSecondEditorsStaleFormIsRefusedWithItsTextKept(ModeratoServer server) throws IOException {
        WebClient alice = admin(server);
        WebClient bob = admin(server);
        long id = create(alice, Map.of("title", unique("Contended"), "status", "PUBLISHED", "body", "v1"));
        HttpPage bobsForm = bob.get("/admin/edit-article?id=" + id);
        assertEquals(302, save(alice, "/admin/edit-article?id=" + id, Map.of("body", "alice's version")).status());

        Map<String, String> post = new LinkedHashMap<>();
        post.put("articleform", "articleform");
        post.put("title", value(bobsForm, "title"));
        post.put("slug", value(bobsForm, "slug"));
        post.put("byline", value(bobsForm, "byline"));
        post.put("status", "PUBLISHED");
        post.put("publishAt", value(bobsForm, "publishAt"));
        post.put("format", "MARKDOWN");
        post.put("body", "bob's version");
        post.put("version", value(bobsForm, "version"));
        post.put("save", "Save");
        post.put("jakarta.faces.ViewState", bobsForm.viewState());
        HttpPage refused = bob.postForm("/admin/edit-article?id=" + id, post);
        assertEquals(200, refused.status());
        assertTrue(refused.body().contains("Someone else saved this article while you were editing it."));
        assertTrue(refused.body().contains("bob&#39;s version") || refused.body().contains("bob's version"));
        assertTrue(textarea(alice.get("/admin/edit-article?id=" + id)).contains("alice's version"));
    }

    private static int pending(WebClient staff, long articleId) throws IOException {
        Matcher m = Pattern.compile("(\\d+) pending</a>").matcher(staff.get("/admin/articles").element("tr", "article-" + articleId));
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }
}
