package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.platform.ReaderTexts;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.Comments;
import org.moderato.testing.EnglishLeft;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.OtherAddressClient;
import org.moderato.testing.Reports;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * The article page in each of the five languages ({@code ?lang=}, as the widget asks; the site's own is
 * {@code MODERATO_LANGUAGE}): the thread, the form, a refusal's messages and the author's preview, with
 * no text of the English bundle left in what the reader reads, and dates in the language's words.
 */
@ExtendWith(SharedServer.class)
class ReaderLanguagesIT {

    private WebClient admin;
    private WebClient reader;
    private String slug;
    private long top;

    private ModeratoServer server;

    @BeforeEach
    void articleWithAThread(ModeratoServer server) throws IOException {
        this.server = server;
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        reader = WebClient.anonymous(server);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", "Nr " + UUID.randomUUID().toString().substring(0, 8));
        fields.put("byline", "Xq");
        fields.put("body", "42");
        fields.put("status", "PUBLISHED");
        long id = ArticleForms.create(admin, fields);
        slug = ArticleForms.value(admin.get("/admin/edit-article?id=" + id), "slug");
        top = Comments.approved(reader, admin, slug, "Zed", "zed-" + id + "@example.org", "42 " + id, null);
        Comments.approved(reader, admin, slug, "Yan", "yan-" + id + "@example.org", "43 " + id, top);
    }

    /** The reader-facing part of the page: the comments and the form, tags and the typed names and numbers removed. */
    private static String readersText(String html) {
        int start = html.indexOf("<section id=\"comments\"");
        String part = start < 0 ? html : html.substring(start);
        return EnglishLeft.textOf(part);
    }

    /** English texts of the reader bundle (those the language writes differently) found in the text. */
    private static List<String> englishIn(String text, Locale locale) {
        return EnglishLeft.in(text, ReaderTexts.BUNDLE, locale);
    }

    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "it"})
    void theArticlePageSpeaksTheLanguageItIsAskedFor(String lang) throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        ResourceBundle t = ReaderTexts.bundle(locale);
        HttpPage page = reader.get("/articles/" + slug + "?lang=" + lang);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<html lang=\"" + lang + "\""), "the page says its language");
        String text = readersText(page.body());
        assertEquals(List.of(), englishIn(text, locale), "English left on the " + lang + " page:\n" + text);
        assertTrue(text.contains(t.getString("form.title")), text);
        assertTrue(text.contains(t.getString("comment.reply")), text);
        String month = Month.from(ZonedDateTime.now(ZoneOffset.UTC)).getDisplayName(TextStyle.FULL_STANDALONE, locale);
        assertTrue(text.toLowerCase(locale).contains(month.toLowerCase(locale)) || text.toLowerCase(locale).contains(
                Month.from(ZonedDateTime.now(ZoneOffset.UTC)).getDisplayName(TextStyle.FULL, locale).toLowerCase(locale)),
                "dates in the language's words (" + month + "): " + text);

        // a refusal: the messages beside the fields, in the same language, the language kept by the form
        String token = WebClient.formTokenOf(page);
        HttpPage refused = reader.postForm("/articles/" + slug + "?lang=" + lang,
                WebClient.commentForm("", "", "", "", token, null));
        assertEquals(400, refused.status(), refused.body());
        String refusedText = readersText(refused.body());
        assertTrue(refusedText.contains(new ReaderTextsProbe(locale).text("msg.typeComment")), refusedText);
        assertEquals(List.of(), englishIn(refusedText, locale), "English left on the refused " + lang + " form:\n" + refusedText);

        // the author's preview after posting keeps the language
        HttpPage posted = reader.postForm("/articles/" + slug + "?lang=" + lang,
                WebClient.commentForm("Wu", "wu-" + UUID.randomUUID() + "@example.org", "", "44", WebClient.formTokenOf(refused), null));
        assertEquals(303, posted.status(), posted.body());
        assertTrue(posted.location().contains("lang=" + lang), posted.location());
        HttpPage preview = reader.get(posted.location().replaceFirst("^https?://[^/]+", "").replaceFirst("#.*", ""));
        String previewText = readersText(preview.body());
        assertTrue(previewText.contains(t.getString("comments.pending")), previewText);
        assertTrue(previewText.contains(t.getString("comment.preview")), previewText);
        assertEquals(List.of(), englishIn(previewText, locale), "English left on the " + lang + " preview:\n" + previewText);
    }

    /**
     * The report form (a refusal re-rendered with what was typed, then the thanks), the moderator's removal,
     * and the author's statement of reasons with a refused complaint: each in the language asked for, which
     * every form and redirect keeps.
     */
    @ParameterizedTest
    @ValueSource(strings = {"de", "fr", "es", "it"})
    void theReportPagesAndTheStatementSpeakTheLanguageTheyAreAskedFor(String lang) throws IOException {
        Locale locale = Locale.forLanguageTag(lang);
        ResourceBundle t = ReaderTexts.bundle(locale);
        // a loopback address of its own: ReportsIT's flood limit counts 127.0.0.1's and its own addresses' reports
        OtherAddressClient reporter = new OtherAddressClient(server, "127.0.0." + (200 + List.of("de", "fr", "es", "it").indexOf(lang)));
        HttpPage form = reporter.get("/report?comment=" + top + "&lang=" + lang);
        assertEquals(200, form.status(), form.body());
        assertTrue(form.body().contains("<html lang=\"" + lang + "\""), "the page says its language");
        assertTrue(form.body().contains("action=\"/report?lang=" + lang + "\""), "the form keeps the language");
        String formText = EnglishLeft.textOf(form.body());
        assertTrue(formText.contains(t.getString("report.title")) && formText.contains(t.getString("report.reason.harassment")), formText);
        assertEquals(List.of(), englishIn(formText, locale), "English left on the " + lang + " report form:\n" + formText);

        // no reason chosen: the page again, its messages in the language, the note as typed
        HttpPage refused = reporter.postForm("/report?lang=" + lang, Reports.form(form, top, "", "Xq 77 " + lang));
        assertEquals(400, refused.status(), refused.body());
        String refusedText = EnglishLeft.textOf(refused.body());
        assertTrue(refusedText.contains(t.getString("report.msg.chooseReason")) && refusedText.contains(t.getString("report.msg.fieldsInvalid")),
                refusedText);
        assertTrue(refused.body().contains("Xq 77 " + lang), "what was typed is kept");
        assertTrue(refused.body().contains("action=\"/report?lang=" + lang + "\""), "the refused form keeps the language");
        assertEquals(List.of(), englishIn(refusedText, locale), "English left on the refused " + lang + " report form:\n" + refusedText);

        HttpPage sent = reporter.postForm("/report?lang=" + lang, Reports.form(refused, top, "harassment", ""));
        assertEquals(303, sent.status(), sent.body());
        assertTrue(sent.location().contains("sent=1") && sent.location().contains("lang=" + lang), sent.location());
        HttpPage thanks = reporter.get(sent.location().replaceFirst("^https?://[^/]+", ""));
        String thanksText = EnglishLeft.textOf(thanks.body());
        assertTrue(thanksText.contains(t.getString("report.msg.sent")), thanksText);
        assertEquals(List.of(), englishIn(thanksText, locale), "English left on the " + lang + " thanks:\n" + thanksText);

        // the author's statement of reasons, after a moderator removed the comment on the site's terms
        String statementPath = Reports.remove(admin, top, "harassment", "Xq 78");
        HttpPage statement = reader.get(statementPath + "&lang=" + lang);
        assertEquals(200, statement.status(), statement.body());
        String statementText = EnglishLeft.textOf(statement.body());
        String ground = ReaderTexts.bundle(locale).getString("report.ground.harassment");
        assertTrue(statementText.contains(t.getString("statement.title")) && statementText.contains(ground)
                && statementText.contains(t.getString("statement.redress").substring(0, 20)), statementText);
        assertTrue(statementText.contains(new ReaderTextsProbe(locale).text("summary.one").replace("{0}",
                t.getString("report.short.harassment"))), "the facts in the language: " + statementText);
        assertEquals(List.of(), englishIn(statementText, locale), "English left on the " + lang + " statement:\n" + statementText);

        // an empty complaint: refused in the language, on the same page
        String decision = statementPath.replaceAll(".*decision=(\\d+).*", "$1");
        String sig = statementPath.replaceAll(".*sig=([0-9a-f]+).*", "$1");
        HttpPage empty = reader.postForm("/statement?lang=" + lang, Map.of("decision", decision, "sig", sig, "complaint", " "));
        assertEquals(400, empty.status(), empty.body());
        String emptyText = EnglishLeft.textOf(empty.body());
        assertTrue(emptyText.contains(t.getString("report.msg.contestRequired")), emptyText);
        assertEquals(List.of(), englishIn(emptyText, locale), "English left on the refused " + lang + " complaint:\n" + emptyText);
    }

    /** The bundle's text as the server writes it (a no-break space where French wants one). */
    private record ReaderTextsProbe(Locale locale) {
        String text(String key) {
            return ReaderTexts.bundle(locale).getString(key);
        }
    }
}
