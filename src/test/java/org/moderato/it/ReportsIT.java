package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.Reports;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.Comments;
import org.moderato.testing.Desk;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.OtherAddressClient;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Readers' reports over HTTP, without JavaScript, on the real server: the threshold sends a comment back
 * to the queue with its reasons, the same reader counts once, the answer never depends on the reported
 * comment's author, a notice of illegal content goes through the statement of reasons to the author's
 * complaint, dismissed reports stay dismissed, and only staff see or act on the Reported view.
 * Different readers are different loopback addresses (127.0.0.x), as on a real site.
 */
@ExtendWith(SharedServer.class)
class ReportsIT {

    private static final Pattern STATEMENT = Pattern.compile("id=\"statement-link\" href=\"([^\"]+)\"");
    private static ModeratoServer server;
    private static WebClient admin;
    private static String authorEmail;
    private static int nextAddress = 10;

    @BeforeAll
    static void start(ModeratoServer shared) throws IOException {
        server = shared;
        admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        authorEmail = "reported-" + tag() + "@author-" + tag() + ".example";
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new reader: another loopback address, never used before in this class. */
    private static OtherAddressClient reader() throws IOException {
        return new OtherAddressClient(server, "127.0.0." + nextAddress++);
    }

    private static String article() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Reported things " + tag());
        fields.put("byline", "ReportsIT");
        fields.put("body", "An article whose comments get reported.");
        fields.put("status", "PUBLISHED");
        long id = ArticleForms.create(admin, fields);
        return ArticleForms.value(admin.get("/admin/edit-article?id=" + id), "slug");
    }

    /** A published comment by the class's author (trusted after the first approval). */
    private static long published(String slug, String text) throws IOException {
        long id = Comments.postAndGetId(WebClient.anonymous(server), slug, "Reported Author", authorEmail, text, null);
        if (WebClient.anonymous(server).get("/report?comment=" + id).status() != 200) {
            admin.moderate("/moderation", id, "Approve");
        }
        assertEquals(200, WebClient.anonymous(server).get("/report?comment=" + id).status(), "comment " + id + " is public");
        return id;
    }


    private static HttpPage report(OtherAddressClient reader, long commentId, String reason, String note) throws IOException {
        HttpPage page = reader.get("/report?comment=" + commentId);
        assertEquals(200, page.status(), page.body());
        return reader.postForm("/report", Reports.form(page, commentId, reason, note));
    }

    private static void sent(HttpPage answer, long commentId) {
        assertEquals(303, answer.status(), answer.body());
        assertTrue(answer.location().matches(".*/report\\?sent=1&article=[a-z0-9-]+"), answer.location());
    }

    private static HttpPage reportedView() throws IOException {
        HttpPage view = admin.get("/moderation-reported");
        assertEquals(200, view.status(), view.body());
        return view;
    }

    /** Presses a button of one row of the Reported view, with the row's fields. */
    private static HttpPage press(long commentId, String label, Map<String, String> fields) throws IOException {
        HttpPage view = reportedView();
        String row = view.element("li", "reported-" + commentId);
        Matcher button = Pattern.compile("name=\"([^\"]+)\" value=\"" + Pattern.quote(label) + "\"").matcher(row);
        assertTrue(button.find(), "no " + label + " in\n" + row);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("reportedform", "reportedform");
        form.putAll(fields);
        form.put(button.group(1), label);
        form.put("jakarta.faces.ViewState", view.viewState());
        HttpPage answer = admin.postForm("/moderation-reported", form);
        assertEquals(200, answer.status(), answer.body());
        return answer;
    }

    private static boolean onArticle(String slug, long id) throws IOException {
        return WebClient.anonymous(server).get("/articles/" + slug).hasElement("comment-" + id);
    }

    @Test
    void threeReadersSendItBackWithTheReasonsAndADismissalIsRemembered() throws IOException {
        String slug = article();
        long id = published(slug, "A comment three readers dislike " + tag());
        assertTrue(WebClient.anonymous(server).get("/articles/" + slug).body().contains("href=\"/report?comment=" + id + "\""),
                "every public comment has a Report link that needs no JavaScript");
        List<OtherAddressClient> readers = List.of(reader(), reader(), reader());
        sent(report(readers.get(0), id, "harassment", "Insults another reader."), id);
        sent(report(readers.get(1), id, "spam", ""), id);
        assertTrue(onArticle(slug, id), "two reports change nothing readers see");
        sent(report(readers.get(2), id, "harassment", ""), id);
        HttpPage thanks = readers.get(2).get("/report?sent=1&article=" + slug);
        assertTrue(thanks.body().contains("Your report was sent to the moderators"), thanks.body());

        assertFalse(onArticle(slug, id), "the third reader's report sent it back to the queue");
        String queued = admin.queueShowing("/moderation", id).element("li", "queued-" + id);
        assertTrue(queued.contains("held: 3 reports (harassment ×2, spam)"), queued);
        HttpPage detail = admin.get("/moderation-comment?id=" + id);
        assertTrue(detail.body().contains("held: 3 reports (harassment ×2, spam)") && detail.body().contains("reports"),
                "the history row names the reports");

        HttpPage view = reportedView();
        String row = view.element("li", "reported-" + id);
        assertTrue(row.contains("Insults another reader.") && row.contains("Harassment or abuse") && row.contains("3 reports"), row);
        assertTrue(Pattern.compile("id=\"view-reported\"[^>]*>Reported\\s*<span class=\"count\">\\((\\d+)\\)").matcher(
                admin.get("/moderation").body()).find(), "the queue has a Reported tab with its count");

        HttpPage dismissed = press(id, "Dismiss reports", Map.of());
        assertTrue(dismissed.body().contains("Comment " + id + ": reports dismissed"), dismissed.body());
        assertTrue(onArticle(slug, id), "dismissing keeps it public");
        assertTrue(admin.get("/moderation-comment?id=" + id).body().contains("reports dismissed: 3 reports (harassment ×2, spam)"),
                "the dismissal is in the comment's history");
        assertFalse(reportedView().hasElement("reported-" + id));

        // the same readers cannot report again; two new readers are two open reports, below the threshold
        assertEquals(409, report(readers.get(0), id, "hate", "").status());
        sent(report(reader(), id, "hate", ""), id);
        sent(report(reader(), id, "off-topic", ""), id);
        assertTrue(onArticle(slug, id), "the dismissed reports do not count again");
        assertTrue(reportedView().element("li", "reported-" + id).contains("2 reports (hate, off topic)"));
    }

    @Test
    void theThresholdIsARuleSetting() throws IOException {
        HttpPage invalid = admin.saveRules(Map.of("reportThreshold", "0"));
        assertTrue(invalid.body().contains("Enter a number of reports from 1 to 100."), invalid.body());
        HttpPage saved = admin.saveRules(Map.of("reportThreshold", "1"));
        assertTrue(saved.body().contains("Reports that send a published comment back to the queue"), "the change log names it");
        String slug = article();
        long id = published(slug, "Held at the first report " + tag());
        sent(report(reader(), id, "personal-information", ""), id);
        assertFalse(onArticle(slug, id), "one report is enough with the setting at 1");
        assertTrue(admin.queueShowing("/moderation", id).element("li", "queued-" + id).contains("held: 1 report (personal information)"));
    }

    @Test
    void theSameReaderTwiceCountsOncePolitely() throws IOException {
        String slug = article();
        long id = published(slug, "Reported twice by one reader " + tag());
        OtherAddressClient reader = reader();
        sent(report(reader, id, "spam", ""), id);
        HttpPage again = report(reader, id, "hate", "Really.");
        assertEquals(409, again.status());
        assertTrue(again.body().contains("You have already reported this comment"), again.body());
        assertTrue(again.body().contains("Really."), "what was typed is kept");
        assertTrue(again.body().contains("id=\"reason-hate\" value=\"hate\" checked"), "the chosen reason is kept");
        sent(report(reader(), id, "spam", ""), id);
        assertTrue(onArticle(slug, id), "two readers, not three: still public");
        assertTrue(reportedView().element("li", "reported-" + id).contains("2 reports (spam ×2)"));
    }

    @Test
    void everyReasonAndRefusals() throws IOException {
        String slug = article();
        OtherAddressClient reader = reader();
        for (String reason : List.of("spam", "harassment", "hate", "personal-information", "off-topic")) {
            long id = published(slug, "Reported for " + reason + " " + tag());
            sent(report(reader, id, reason, "Because: " + reason), id);
            assertTrue(reportedView().element("li", "reported-" + id).contains("Because: " + reason));
        }
        long id = published(slug, "Reported with mistakes " + tag());
        HttpPage page = reader.get("/report?comment=" + id);
        assertTrue(page.header("Set-Cookie").isEmpty() && page.header("Cache-Control").orElse("").contains("no-store"),
                "no session, no cookie, not kept by a cache: " + page.headers());
        Map<String, String> noReason = Reports.form(page, id, "", "My note stays.");
        HttpPage refused = reader.postForm("/report", noReason);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Please choose why you are reporting this comment.") && refused.body().contains("My note stays."));
        assertTrue(refused.header("Set-Cookie").isEmpty(), "a refused report starts no session either");
        HttpPage tooLong = reader.postForm("/report", Reports.form(reader.get("/report?comment=" + id), id, "spam", "x".repeat(1001)));
        assertEquals(400, tooLong.status());
        assertTrue(tooLong.body().contains("Please keep the note to 1,000 characters."));
        Map<String, String> notice = Reports.form(reader.get("/report?comment=" + id), id, "illegal", "");
        HttpPage incomplete = reader.postForm("/report", notice);
        assertEquals(400, incomplete.status());
        assertTrue(incomplete.body().contains("Please say which law") && incomplete.body().contains("Please explain why"));

        // the comment form's bot protection: honeypot, reused token, forged token
        Map<String, String> bot = Reports.form(reader.get("/report?comment=" + id), id, "spam", "");
        bot.put("comment_extra", "http://spam.example");
        assertEquals(403, reader.postForm("/report", bot).status());
        Map<String, String> once = Reports.form(reader.get("/report?comment=" + id), id, "spam", "");
        OtherAddressClient other = reader();
        HttpPage accepted = reader.postForm("/report", once);
        sent(accepted, id);
        assertTrue(accepted.header("Set-Cookie").isEmpty());
        assertEquals(403, other.postForm("/report", once).status(), "a form token is spent once");
        Map<String, String> forged = Reports.form(reader.get("/report?comment=" + id), id, "spam", "");
        String token = forged.get("moderato_token");
        // another last hex digit of the signature: a token this site never signed
        forged.put("moderato_token", token.substring(0, token.length() - 1) + (token.endsWith("0") ? "1" : "0"));
        assertEquals(403, reader().postForm("/report", forged).status());

        assertEquals(404, reader.get("/report?comment=999999999").status());
        Map<String, String> gone = Reports.form(reader.get("/report?comment=" + id), id, "spam", "");
        gone.put("comment", "999999999");
        HttpPage noSuch = reader.postForm("/report", gone);
        assertEquals(404, noSuch.status());
        assertTrue(noSuch.body().contains("This comment cannot be reported"), noSuch.body());
        long pending = Comments.postAndGetId(WebClient.anonymous(server), slug, "New Author", "new-" + tag() + "@example.org",
                "Waiting " + tag(), null);
        assertEquals(404, reader.get("/report?comment=" + pending).status(), "only a published comment can be reported");
    }

    @Test
    void oneAddressIsFloodLimited() throws IOException {
        String slug = article();
        OtherAddressClient flooder = reader();
        for (int i = 0; i < 30; i++) {
            long id = published(slug, "Flood target " + i + " " + tag());
            sent(report(flooder, id, "spam", ""), id);
        }
        long last = published(slug, "One too many " + tag());
        HttpPage refused = report(flooder, last, "spam", "");
        assertEquals(429, refused.status());
        assertTrue(refused.body().contains("You have sent many reports in a short time"));
        sent(report(reader(), last, "spam", ""), last);
    }

    @Test
    void theAnswerIsTheSameWhateverTheAuthor() throws IOException {
        String slug = article();
        String mark = tag();
        long withAddress = published(slug, "A reader's comment " + mark);
        // a staff reply has no address at all
        Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).open("/moderation?status=approved&s=" + mark)
                .press(withAddress, "Reply").submitText(withAddress, "reply-text", "Staff answer " + tag(), "Post reply");
        long withoutAddress = Long.parseLong(findReplyId(slug, withAddress));

        OtherAddressClient reader = reader();
        HttpPage a = report(reader, withAddress, "spam", "same");
        HttpPage b = report(reader, withoutAddress, "spam", "same");
        assertEquals(a.status(), b.status());
        assertEquals(a.location(), b.location());
        assertEquals(normalised(a), normalised(b));
        HttpPage thanksA = reader.get(a.location());
        HttpPage thanksB = reader.get(b.location());
        assertEquals(thanksA.body(), thanksB.body(), "the thanks name no comment");
        assertEquals(List.of(), new LeakScanner(List.of(authorEmail)).findIn(thanksA));
        assertEquals(List.of(), new LeakScanner(List.of(authorEmail)).findIn(reader.get("/report?comment=" + withAddress)));
    }

    /** The id of the staff reply under {@code parent} on the article page. */
    private static String findReplyId(String slug, long parent) throws IOException {
        String page = WebClient.anonymous(server).get("/articles/" + slug).body();
        Matcher m = Pattern.compile("<li id=\"comment-" + parent + "\"(?s).*?<li id=\"comment-(\\d+)\"[^>]*comment-by-staff").matcher(page);
        assertTrue(m.find(), page);
        return m.group(1);
    }

    /** Headers that carry no meaning of their own (date, length of a body with another id) left out. */
    private static Map<String, List<String>> normalised(HttpPage page) {
        Map<String, List<String>> headers = new java.util.TreeMap<>();
        page.headers().forEach((name, values) -> {
            String n = name.toLowerCase(java.util.Locale.ROOT);
            if (!n.equals("date") && !n.equals("location") && !n.equals("content-length")) {
                headers.put(n, values);
            }
        });
        return headers;
    }

    @Test
    void anIllegalContentNoticeThroughTheStatementToTheComplaint() throws IOException {
        String slug = article();
        long id = published(slug, "A comment someone calls illegal " + tag());
        String notifierEmail = "notifier-" + tag() + "@notifier-" + tag() + ".example";
        List<String> before = csv();
        OtherAddressClient notifier = reader();
        HttpPage page = notifier.get("/report?comment=" + id);
        Map<String, String> form = Reports.form(page, id, "illegal", "Please act quickly.");
        form.put("law", "Section 130 of the German Criminal Code (incitement)");
        form.put("explanation", "It calls for violence against a group.");
        form.put("notifier-name", "Nora Notifier");
        form.put("notifier-email", notifierEmail);
        HttpPage sent = notifier.postForm("/report", form);
        assertEquals(303, sent.status(), sent.body());
        assertTrue(sent.location().contains("/notice?report="), sent.location());
        String ackPath = sent.location().replace("&received=1", "");
        HttpPage ack = notifier.get(sent.location());
        assertEquals(200, ack.status());
        assertTrue(ack.body().contains("Your notice of illegal content was received") && ack.body().contains("Section 130")
                && ack.body().contains("Waiting for a moderator"), ack.body());
        assertTrue(onArticle(slug, id), "a notice alone hides nothing: a moderator decides");

        HttpPage view = reportedView();
        assertEquals(view.body().indexOf("<li id=\"reported-"), view.body().indexOf("<li id=\"reported-" + id + "\""),
                "the notice is at the top of the Reported view");
        String row = view.element("li", "reported-" + id);
        assertTrue(row.contains("illegal content notice") && row.contains("Section 130") && row.contains("It calls for violence")
                && row.contains("Nora Notifier"), row);
        LeakScanner leaks = new LeakScanner(List.of(notifierEmail, authorEmail));
        assertEquals(List.of(), leaks.findIn(view), "no reporter's address on the Reported view");

        Map<String, String> removal = new LinkedHashMap<>();
        removal.put("ground-" + id, "illegal");
        removal.put("explanation-" + id, "Incitement to violence.");
        HttpPage removed = press(id, "Remove", removal);
        assertTrue(removed.body().contains("Comment " + id + ": removed (trash)."), removed.body());
        Matcher link = STATEMENT.matcher(removed.body());
        assertTrue(link.find(), removed.body());
        String statementPath = link.group(1).replace("&amp;", "&");
        assertFalse(onArticle(slug, id));

        WebClient author = WebClient.anonymous(server);
        HttpPage statement = author.get(statementPath);
        assertEquals(200, statement.status(), statement.body());
        String body = statement.body();
        assertTrue(body.contains("Your comment was removed.") && body.contains("Legal ground: illegal content under Section 130")
                && body.contains("No automated means were used") && body.contains("1 report (illegal content) from readers")
                && body.contains("Incitement to violence.") && body.contains("out-of-court dispute settlement"), body);
        assertEquals(List.of(), leaks.findIn(statement), "the author never learns who notified");
        assertFalse(body.contains("Nora Notifier"));
        assertTrue(statement.header("Set-Cookie").isEmpty(), "no session for the author");
        assertEquals(404, author.get(statementPath.replaceAll(".$", "x")).status(), "a forged signature opens nothing");

        HttpPage decided = notifier.get(ackPath);
        assertTrue(decided.body().contains("The comment was removed") && decided.body().contains("Section 130"), decided.body());
        assertEquals(List.of(), leaks.findIn(decided));

        String decision = statementPath.replaceAll(".*decision=(\\d+).*", "$1");
        String sig = statementPath.replaceAll(".*sig=([0-9a-f]+).*", "$1");
        HttpPage empty = author.postForm("/statement", Map.of("decision", decision, "sig", sig, "complaint", " "));
        assertEquals(400, empty.status());
        HttpPage contested = author.postForm("/statement", Map.of("decision", decision, "sig", sig, "complaint", "It was satire."));
        assertEquals(303, contested.status(), contested.body());
        assertTrue(author.get(contested.location()).body().contains("Your complaint was received"));
        HttpPage twice = author.postForm("/statement", Map.of("decision", decision, "sig", sig, "complaint", "Again."));
        assertEquals(409, twice.status());
        assertTrue(twice.body().contains("a decision can be contested once"));
        assertEquals(404, author.postForm("/statement", Map.of("decision", decision, "sig", "0" + sig, "complaint", "x")).status());

        String queued = admin.queueShowing("/moderation", id).element("li", "queued-" + id);
        assertTrue(queued.contains("contested: the author asks for a review of the removal: It was satire."), queued);
        String contestedRow = reportedView().element("li", "reported-" + id);
        assertTrue(contestedRow.contains("contested") && contestedRow.contains("It was satire."), contestedRow);

        press(id, "Dismiss reports", Map.of());
        assertTrue(onArticle(slug, id), "upholding the complaint restores the comment");
        assertTrue(author.get(statementPath).body().contains("restored your comment"));

        List<String> after = csv();
        assertEquals(delta(before, after, "notices received,illegal content"), 1);
        assertEquals(delta(before, after, "decisions,removed"), 1);
        assertEquals(delta(before, after, "decisions,reports dismissed\\, comment kept"), 1);
        assertEquals(delta(before, after, "removals by ground,law"), 1);
        assertEquals(delta(before, after, "means,human"), 2);
        assertEquals(delta(before, after, "complaints,received"), 1);
        assertEquals(delta(before, after, "complaints,decision reversed"), 1);
    }

    private static List<String> csv() throws IOException {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        HttpPage csv = admin.get("/moderation-transparency.csv?from=" + today + "&to=" + today);
        assertEquals(200, csv.status());
        assertTrue(csv.header("Content-Type").orElse("").startsWith("text/csv"));
        return List.of(csv.body().split("\r\n"));
    }

    private static long delta(List<String> before, List<String> after, String key) {
        return value(after, key) - value(before, key);
    }

    private static long value(List<String> rows, String key) {
        String prefix = key.replace("\\,", ",");
        return rows.stream().map(r -> r.replace("\"", "")).filter(r -> r.startsWith(prefix + ","))
                .map(r -> Long.parseLong(r.substring(prefix.length() + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + key + " in " + rows));
    }

    @Test
    void onlyStaffSeeAndActOnReports() throws IOException {
        String slug = article();
        long id = published(slug, "Reported, then forged at " + tag());
        sent(report(reader(), id, "spam", ""), id);
        WebClient anonymous = WebClient.anonymous(server);
        for (String path : List.of("/moderation-reported", "/moderation-transparency", "/moderation-transparency.csv")) {
            HttpPage page = anonymous.get(path);
            assertEquals(302, page.status(), path);
            assertTrue(page.location().endsWith("/login"), path);
        }
        HttpPage view = reportedView();
        String row = view.element("li", "reported-" + id);
        Matcher dismiss = Pattern.compile("name=\"([^\"]+)\" value=\"Dismiss reports\"").matcher(row);
        assertTrue(dismiss.find());
        Map<String, String> forged = Map.of("reportedform", "reportedform", dismiss.group(1), "Dismiss reports",
                "jakarta.faces.ViewState", "stateless");
        HttpPage asAnonymous = anonymous.postForm("/moderation-reported", forged);
        assertEquals(302, asAnonymous.status());
        assertTrue(asAnonymous.location().endsWith("/login"));
        // a staff session without the page's view state (a cross-site post) changes nothing either
        HttpPage crossSite = admin.postForm("/moderation-reported", forged);
        assertFalse(crossSite.body().contains("reports dismissed"), crossSite.body());
        assertTrue(reportedView().hasElement("reported-" + id), "the forged posts changed nothing");
    }
}
