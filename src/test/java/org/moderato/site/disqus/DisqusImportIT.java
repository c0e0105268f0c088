package org.moderato.site.disqus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ApiClient;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.Sites;
import org.moderato.testing.WebClient;

/**
 * A site leaving Disqus brings its export: uploaded at {@code /admin/import-disqus}, its threads become
 * the site's page threads (as {@code embed.js} finds them), with replies in place (also a reply Disqus
 * listed before its parent), spam in Spam, deleted posts in Trash, and nothing of another origin.
 */
@ExtendWith(SharedServer.class)
class DisqusImportIT {

    private static final Pattern SUMMARY = Pattern.compile("id=\"import-summary\"[^>]*>([^<]*)<");
    private static final Pattern NOTES = Pattern.compile("id=\"import-notes\">([^<]*)<");

    private ModeratoServer server;
    private WebClient admin;
    private String origin;
    private String host;
    private long siteId;
    private Path export;

    @BeforeEach
    void siteAndFile(ModeratoServer server) throws IOException {
        this.server = server;
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        // an origin of its own: other tests' sites on the shared server must not own these pages
        host = "blog-" + UUID.randomUUID().toString().substring(0, 8) + ".example.org";
        origin = "https://" + host;
        siteId = Sites.add(admin, "Disqus refugee " + host, origin, false);
        try (InputStream fixture = getClass().getResourceAsStream("/disqus/export.xml")) {
            String xml = new String(fixture.readAllBytes(), StandardCharsets.UTF_8).replace("blog.example.org", host);
            export = Files.createTempFile("disqus-", ".xml");
            Files.writeString(export, xml);
        }
    }

    private HttpPage upload(String site) throws IOException {
        return upload(site, export);
    }

    private HttpPage upload(String site, Path file) throws IOException {
        HttpPage form = admin.get("/admin/import");
        assertEquals(200, form.status());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("importform", "importform");
        fields.put("site", site);
        fields.put("import", "Import");
        fields.put("jakarta.faces.ViewState", form.viewState());
        return admin.postMultipart("/admin/import", fields, "file", file);
    }

    private static String first(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        return m.find() ? m.group(1).strip() : "";
    }

    private JsonNode thread(String path) throws IOException {
        ApiClient api = ApiClient.from(server, origin);
        ApiClient.Answer page = api.get("/api/v1/pages?url=" + URLEncoder.encode(origin + path, StandardCharsets.UTF_8));
        assertEquals(200, page.status(), page.body());
        assertEquals(List.of(), new LeakScanner(List.of("ada-canary@ada-mailhost.test", "bob-canary@bob-mailhost.test")).findIn(page.body()));
        return page.json();
    }

    @Test
    void threadsAndRepliesArriveWhereTheWidgetFindsThem() throws IOException {
        HttpPage done = upload(Long.toString(siteId));
        assertEquals(200, done.status(), done.body());
        assertEquals("6 comments imported on 2 pages (2 new), 1 of them in Spam, 1 deleted on Disqus, kept in Trash.",
                first(SUMMARY, done.body()), done.body());
        assertEquals("1 pages with no place here skipped (on another origin, or no article with that slug); 1 pages deleted on Disqus skipped; 1 pages without comments not made;"
                + " 1 comments of skipped or unknown pages left out; 1 threads or comments without a Disqus id left out",
                first(NOTES, done.body()).replace("'", "&#39;"));

        JsonNode tides = thread("/2019/05/tides/");
        assertEquals("Tides & moons", tides.get("title").asText());
        assertEquals(3, tides.get("count").asLong(), "approved only: not the spam, not the deleted one");
        List<String> shape = new ArrayList<>();
        for (JsonNode c : tides.get("comments")) {
            shape.add(c.get("depth").asInt() + " " + c.get("author").asText());
        }
        assertEquals(List.of("1 Ada Tidewatcher", "2 Bob", "3 Guest Grace"), shape,
                "the reply listed before its parent sits under it, two levels down");
        String html = tides.get("comments").get(0).get("html").asText();
        assertTrue(html.contains("High tide was at six."), html);
        assertTrue(html.contains("https://tides.example.net/table"), "the link's address is kept: " + html);

        JsonNode closed = thread("/2019/06/closed/");
        assertEquals(false, closed.get("commentsOpen").asBoolean(), "a thread closed on Disqus stays closed");
        assertEquals(1, closed.get("count").asLong());
        assertTrue(thread("/2019/08/quiet/").get("id").isNull(), "a page nobody commented on gets no thread");

        String search = "&s=" + URLEncoder.encode(host, StandardCharsets.UTF_8);
        assertTrue(admin.get("/moderation?status=spam" + search).body().contains("Best Pills"), "Disqus's spam waits in Spam");
        assertTrue(admin.get("/moderation?status=trash" + search).body().contains("Something I took back"));
    }

    @Test
    void importingTheSameFileAgainAddsNothing() throws IOException {
        upload(Long.toString(siteId));
        HttpPage again = upload(Long.toString(siteId));
        assertEquals("0 comments imported on 2 pages (0 new).", first(SUMMARY, again.body()), again.body());
        assertTrue(first(NOTES, again.body()).startsWith("6 already imported before"), again.body());
        assertEquals(3, thread("/2019/05/tides/").get("count").asLong());
    }

    @Test
    void withoutASiteThreadsGoToTheArticleWhoseSlugEndsThePageAddress() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Tides of " + host);
        fields.put("byline", "DisqusImportIT");
        fields.put("body", "An article Disqus used to carry the comments of.");
        fields.put("status", "PUBLISHED");
        long articleId = ArticleForms.create(admin, fields);
        String slug = ArticleForms.value(admin.get("/admin/edit-article?id=" + articleId), "slug");
        Path own = Files.createTempFile("disqus-own-", ".xml");
        Files.writeString(own, """
                <?xml version="1.0" encoding="utf-8"?>
                <disqus xmlns="http://disqus.com" xmlns:dsq="http://disqus.com/disqus-internals">
                  <thread dsq:id="1"><link>https://old.example.net/2019/05/%1$s/</link><title>Tides</title>
                    <isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
                  <thread dsq:id="2"><link>https://old.example.net/2019/05/no-such-article-%2$s/</link><title>Other</title>
                    <isClosed>false</isClosed><isDeleted>false</isDeleted></thread>
                  <post dsq:id="11"><message><![CDATA[<p>First on %2$s</p>]]></message><createdAt>2019-05-01T09:00:00Z</createdAt>
                    <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Ada</name></author><thread dsq:id="1"/></post>
                  <post dsq:id="12"><message><![CDATA[<p>Reply on %2$s</p>]]></message><createdAt>2019-05-01T10:00:00Z</createdAt>
                    <isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Bob</name></author><thread dsq:id="1"/>
                    <parent dsq:id="11"/></post>
                  <post dsq:id="13"><message>Lost</message><isDeleted>false</isDeleted><isSpam>false</isSpam>
                    <author><name>Cy</name></author><thread dsq:id="2"/></post>
                </disqus>
                """.formatted(slug, host));
        HttpPage done = upload("", own);
        assertEquals("2 comments imported on 1 page (0 new).", first(SUMMARY, done.body()), done.body());
        assertEquals("1 pages with no place here skipped (on another origin, or no article with that slug); 1 comments of skipped or unknown pages left out",
                first(NOTES, done.body()).replace("'", "&#39;"));
        String page = WebClient.anonymous(server).get("/articles/" + slug).body();
        assertTrue(page.contains("First on " + host), page);
        assertTrue(page.contains("Reply on " + host));
        assertTrue(page.indexOf("depth-2") > page.indexOf("First on " + host), "the reply is nested under the first comment");
    }

    @Test
    void aFileThatIsNeitherExportIsRefused() throws IOException {
        Path html = Files.createTempFile("page-", ".xml");
        Files.writeString(html, "<!-- not an export --><html><body>Hello</body></html>");
        HttpPage refused = upload(Long.toString(siteId), html);
        assertTrue(refused.element("span", "file-error").contains("This is neither a WordPress export"), refused.body());
    }

    @Test
    void moderatorsCannotImport() throws IOException {
        WebClient moderator = WebClient.withCookies(server);
        String name = "mod" + UUID.randomUUID().toString().substring(0, 6);
        admin.addUser(name, "MODERATOR", "a-long-moderator-password");
        moderator.logIn(name, "a-long-moderator-password");
        assertEquals(403, moderator.get("/admin/import").status());
    }
}
