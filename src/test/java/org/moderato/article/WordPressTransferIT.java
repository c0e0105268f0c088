package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;
import org.moderato.testing.WordPressFiles;

/**
 * Import and export over HTTP on a server of its own (the counts must not see other tests' data),
 * and the round trip: this server's export imported into a second, empty one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WordPressTransferIT {

    static final Pattern COMMENT = Pattern.compile("(?s)<wp:comment>.*?<wp:comment_author><!\\[CDATA\\[(.*?)]]></wp:comment_author>.*?"
            + "<wp:comment_content><!\\[CDATA\\[(.*?)]]></wp:comment_content>.*?<wp:comment_approved>(.*?)</wp:comment_approved>.*?"
            + "<wp:comment_parent>(\\d+)</wp:comment_parent>");

    private ModeratoServer server;
    private WebClient staff;

    @BeforeAll
    void start() throws IOException {
        server = ModeratoServer.startFresh();
        staff = ArticleAdminIT.admin(server);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static String export(WebClient staff, boolean withEmails) throws IOException {
        HttpPage page = staff.get("/admin/export");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("exportform", "exportform");
        if (withEmails) {
            fields.put("includeEmails", "on");
        }
        fields.put("export", "Download export file");
        fields.put("jakarta.faces.ViewState", page.viewState());
        HttpPage file = staff.postForm("/admin/export", fields);
        assertEquals(200, file.status());
        assertTrue(file.header("Content-Disposition").orElse("").startsWith("attachment; filename=\"moderato-export-"));
        assertTrue(file.header("Content-Type").orElse("").startsWith("application/xml"));
        return file.body();
    }

    @Test
    void theFixtureImportsOnceAndTheExportCarriesItBackToAnEmptyServer() throws IOException {
        HttpPage imported = WordPressFiles.upload(staff, WordPressFiles.fixture());
        assertEquals(200, imported.status());
        assertEquals("4 articles, 9 comments imported; 1 page, 1 attachment, 1 pingback, 1 trackback, 1 comment on a page or attachment skipped.",
                text(imported.element("p", "import-summary")));

        WebClient reader = WebClient.anonymous(server);
        HttpPage hello = reader.get("/articles/hello-world");
        assertEquals(200, hello.status());
        assertTrue(hello.body().contains("First! This is the top of a thread."));
        assertFalse(hello.body().contains("Still waiting for a moderator."), "pending stays hidden");
        assertFalse(hello.body().contains("Buy cheap pills"), "spam stays hidden");
        assertFalse(hello.body().contains("alice@example.org"));
        assertEquals(404, reader.get("/articles/draft-idea").status());
        assertTrue(reader.get("/articles/grusse-aus-koln").element("p", "comments-closed").contains("Comments are closed."));
        assertTrue(staff.get("/moderation?status=spam").body().contains("Cheap Pills"));

        HttpPage again = WordPressFiles.upload(staff, WordPressFiles.fixture());
        assertTrue(text(again.element("p", "import-summary")).startsWith(
                "Nothing new to import: 4 articles and 9 comments from https://fixture.example/blog were imported before"));

        String withEmails = export(staff, true);
        assertTrue(withEmails.contains("<wp:comment_author_email><![CDATA[alice@example.org]]></wp:comment_author_email>"));
        String withoutEmails = export(staff, false);
        assertFalse(withoutEmails.contains("alice@example.org"));
        List<String> history = staff.get("/admin/export").body().lines().filter(l -> l.contains("transfer-summary")).toList();
        assertTrue(history.get(0).contains("exported without email addresses"), history.toString());
        assertTrue(history.get(1).contains("exported with email addresses"), history.toString());
        assertTrue(history.get(2).contains("Nothing new to import"), history.toString());

        Path file = Files.createTempFile("export-", ".xml");
        Files.writeString(file, withEmails, StandardCharsets.UTF_8);
        try (ModeratoServer empty = ModeratoServer.startFresh()) {
            WebClient emptyStaff = ArticleAdminIT.admin(empty);
            HttpPage roundTrip = WordPressFiles.upload(emptyStaff, file);
            assertEquals("7 articles, 9 comments imported.", text(roundTrip.element("p", "import-summary")), "the three samples travel too");
            String second = export(emptyStaff, true);
            assertEquals(comments(withEmails), comments(second), "same authors, texts, statuses and thread shape");
            assertEquals(200, WebClient.anonymous(empty).get("/articles/hello-world").status());
        }
    }

    @Test
    void aBrokenFileSaysWhereAndStoresNothing() throws IOException {
        String text = new String(Files.readAllBytes(WordPressFiles.fixture()), StandardCharsets.UTF_8).replace("hello-world", "broken-import")
                .replace("<wp:post_id>10</wp:post_id>", "<wp:post_id>1010</wp:post_id>")
                .replace("https://fixture.example/blog/", "https://broken.example/");
        int cut = text.indexOf("<wp:comment_id>201</wp:comment_id>");
        Path broken = Files.createTempFile("broken-", ".xml");
        Files.writeString(broken, text.substring(0, cut) + "<oops>\n</wp:comment>", StandardCharsets.UTF_8);
        int line = text.substring(0, cut).split("\n", -1).length + 1;

        HttpPage answer = WordPressFiles.upload(staff, broken);
        assertEquals(200, answer.status());
        String error = text(answer.element("span", "file-error"));
        assertTrue(error.startsWith("Nothing was imported. Line " + line + ": The file is not well-formed XML"), error);
        assertEquals(404, WebClient.anonymous(server).get("/articles/broken-import").status(), "the post before the break was not kept");

        Path notWxr = Files.createTempFile("page-", ".xml");
        Files.writeString(notWxr, "<html><body>Not an export</body></html>");
        assertTrue(text(WordPressFiles.upload(staff, notWxr).element("span", "file-error")).contains("This is neither a WordPress export (WXR"));

        HttpPage none = staff.postMultipart("/admin/import", Map.of("importform", "importform", "import", "Import",
                "jakarta.faces.ViewState", staff.get("/admin/import").viewState()), "file", Files.createTempFile("empty-", ".xml"));
        assertTrue(text(none.element("span", "file-error")).contains("Please choose the WordPress export file"));
    }

    /** Each comment as author | text | status | reply-or-not, in file order. */
    static List<String> comments(String wxr) {
        Matcher m = COMMENT.matcher(wxr);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) + " | " + m.group(2) + " | " + m.group(3) + " | " + ("0".equals(m.group(4)) ? "top" : "reply"));
        }
        return found;
    }

    static String text(String html) {
        return html.replaceAll("<[^>]+>", "").replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&lt;", "<").replace("&gt;", ">").strip();
    }
}
