package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.platform.ReaderTexts;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
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

    @BeforeEach
    void articleWithAThread(ModeratoServer server) throws IOException {
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
        long top = Comments.approved(reader, admin, slug, "Zed", "zed-" + id + "@example.org", "42 " + id, null);
        Comments.approved(reader, admin, slug, "Yan", "yan-" + id + "@example.org", "43 " + id, top);
    }

    /** The reader-facing part of the page: the comments and the form, tags and the typed names and numbers removed. */
    private static String readersText(String html) {
        int start = html.indexOf("<section id=\"comments\"");
        String part = start < 0 ? html : html.substring(start);
        return part.replaceAll("(?s)<script.*?</script>", " ").replaceAll("(?s)<[^>]*>", " ").replaceAll("\\s+", " ");
    }

    /** English texts of the bundle (those the language writes differently) found in the text. */
    private static List<String> englishIn(String text, Locale locale) {
        ResourceBundle english = ReaderTexts.bundle(Locale.ENGLISH);
        ResourceBundle other = ReaderTexts.bundle(locale);
        List<String> found = new ArrayList<>();
        for (String key : english.keySet()) {
            String en = english.getString(key);
            for (String piece : en.split("\\{\\d}")) {
                piece = piece.strip();
                // as a word: the French "Commentaire" is not the English "Comment"
                if (piece.length() > 3 && !other.getString(key).contains(piece)
                        && Pattern.compile("(?<!\\p{L})" + Pattern.quote(piece) + "(?!\\p{L})").matcher(text).find()) {
                    found.add(key + ": " + piece);
                }
            }
        }
        return found;
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

    /** The bundle's text as the server writes it (a no-break space where French wants one). */
    private record ReaderTextsProbe(Locale locale) {
        String text(String key) {
            return ReaderTexts.bundle(locale).getString(key);
        }
    }
}
