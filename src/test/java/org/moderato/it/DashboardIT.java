package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * The admin's dashboard against seeded data on a server of its own: two comments approved at once,
 * four held by hand-approval, of which one approved, one spam, one trashed and one left waiting.
 */
class DashboardIT {

    private static ModeratoServer server;
    private static WebClient admin;
    private static long heldThenApproved;

    @BeforeAll
    static void seed() throws IOException {
        server = ModeratoServer.startFresh();
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        Map<String, String> approveAll = new HashMap<>();
        approveAll.put("trustApprovedAuthors", null);
        admin.saveRules(approveAll);
        WebClient reader = WebClient.anonymous(server);
        for (int i = 0; i < 2; i++) {
            assertTrue(Comments.isPublished(reader, "welcome-to-moderato", post(reader, "At once " + i)), "approved at once");
        }
        admin.saveRules(Map.of("manualApproval", "on"));
        long approved = post(reader, "Held then approved");
        heldThenApproved = approved; // the privacy pages' reveal shows it
        long spam = post(reader, "Held then spam");
        long trashed = post(reader, "Held then trashed");
        post(reader, "Held and waiting");
        admin.moderate("/moderation", approved, "Approve");
        admin.moderate("/moderation", spam, "Spam");
        admin.moderate("/moderation", trashed, "Trash");
    }

    private static long post(WebClient reader, String text) throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return Comments.postAndGetId(reader, "welcome-to-moderato", "Seed " + tag, "seed-" + tag + "@example.org", text + " " + tag, null);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static String cell(String body, String rowId, String cellClass) {
        Matcher row = Pattern.compile("<tr id=\"" + Pattern.quote(rowId) + "\">(.*?)</tr>", Pattern.DOTALL).matcher(body);
        assertTrue(row.find(), "no row " + rowId + " in\n" + body);
        Matcher cell = Pattern.compile("<td class=\"" + cellClass + "\">([^<]*)</td>").matcher(row.group(1));
        assertTrue(cell.find(), "no " + cellClass + " in row " + rowId + ": " + row.group(1));
        return cell.group(1).strip();
    }

    @Test
    void theFiguresAreThoseOfTheSeededComments() throws IOException {
        HttpPage page = admin.get("/admin/");
        assertEquals(200, page.status());
        String body = page.body();
        String today = "day-" + LocalDate.now(ZoneOffset.UTC);
        assertEquals("2", cell(body, today, "count-approved_at_once"));
        assertEquals("1", cell(body, today, "count-held_then_approved"));
        assertEquals("1", cell(body, today, "count-waiting"));
        assertEquals("1", cell(body, today, "count-spam"));
        assertEquals("1", cell(body, today, "count-trashed"));
        assertEquals("6", cell(body, today, "count-all"));
        assertEquals("3", cell(body, "actions-admin", "count"), "approve, spam, trash");
        assertTrue(Pattern.compile("id=\"now-pending\"><a [^>]*>1</a>").matcher(body).find(), "one waiting now");
        assertTrue(body.contains("(over 3 decisions)"), "the median is over the three decisions");
        assertTrue(Pattern.compile("<td>held: every comment is approved by hand \\(site setting\\)</td><td class=\"count\">4</td>")
                .matcher(body).find(), "four held by hand-approval:\n" + body);
        assertTrue(body.contains("<svg") && body.contains("<title>" + LocalDate.now(ZoneOffset.UTC) + ": 2 approved at once</title>"),
                "the chart says the same as the table");
    }

    /**
     * Every page under webapp/admin, as an admin sees it: its text comes from the staff bundle, where a key the
     * bundle lacks would show as ???key??? and a pattern nobody formatted as {0} (ReaderTextsTest checks the keys
     * without a server; this checks the pages as they render).
     */
    @Test
    void everyAdminPageRendersWithoutAMissingText() throws IOException {
        List<String> paths = new ArrayList<>();
        try (var files = Files.walk(Path.of("webapp", "admin"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xhtml")).sorted().toList()) {
                String page = Path.of("webapp").relativize(file).toString().replace('\\', '/').replaceAll("\\.xhtml$", "");
                paths.add("/" + page.replaceAll("(^|/)index$", "$1"));
            }
        }
        paths.addAll(List.of("/admin/edit-article?id=1", "/admin/privacy/reveal?comment=" + heldThenApproved));
        assertTrue(paths.size() >= 18, paths.toString());
        List<String> problems = new ArrayList<>();
        for (String path : paths) {
            HttpPage page = admin.get(path);
            if (path.equals("/admin/mail") && page.status() == 404) {
                continue; // the outbox is there only when mail is on
            }
            if (page.status() != 200) {
                problems.add(path + " answered " + page.status());
            } else if (page.body().contains("???") || page.body().contains("{0")) {
                int at = Math.max(page.body().indexOf("???"), page.body().indexOf("{0"));
                problems.add(path + ": " + page.body().substring(Math.max(0, at - 80), Math.min(page.body().length(), at + 80)));
            }
        }
        assertEquals(List.of(), problems);
    }
}
