package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.moderato.comment.CommentDraft;
import org.moderato.rules.checks.BotCheck;
import org.moderato.rules.checks.ClosedCheck;
import org.moderato.rules.checks.DuplicateCheck;
import org.moderato.rules.checks.FloodCheck;
import org.moderato.rules.checks.RequiredFieldsCheck;

class ReaderTextsTest {

    private static final Locale ENGLISH = Locale.ENGLISH;
    /** Words a language writes as English does: the same word, not an untranslated one. */
    private static final Set<String> SAME_AS_ENGLISH = Set.of("de:form.name", "de:form.website", "it:form.email", "fr:front.title",
            "de:report.reason.spam", "es:report.reason.spam", "it:report.reason.spam", "es:report.short.spam", "it:report.short.spam");
    /** The bundles readers read: pages and messages, and mail. */
    private static final List<String> BUNDLES = List.of(ReaderTexts.BUNDLE, ReaderTexts.MAIL_BUNDLE);
    /** What staff pages say (English only): the page variable staff. */
    private static final String STAFF_BUNDLE = "org.moderato.i18n.Staff";

    private ReaderTexts texts;

    @BeforeEach
    void texts() {
        Settings settings = new Settings();
        settings.language = "en";
        texts = new ReaderTexts();
        texts.settings = settings;
        texts.load();
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = Pattern.compile("\\{\\d}").matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    @Test
    void everyLanguageHasEveryKeyWithTheSamePlaceholdersAndNoEnglishLeft() {
        List<String> problems = new ArrayList<>();
        for (String name : BUNDLES) {
            ResourceBundle english = ReaderTexts.bundle(name, ENGLISH);
            for (Locale locale : ReaderTexts.SUPPORTED.subList(1, ReaderTexts.SUPPORTED.size())) {
                ResourceBundle bundle = ReaderTexts.bundle(name, locale);
                assertEquals(locale.getLanguage(), bundle.getLocale().getLanguage(), "a bundle of its own for " + locale);
                assertEquals(english.keySet(), bundle.keySet(), "the keys of " + name + " " + locale);
                for (String key : english.keySet()) {
                    String text = bundle.getString(key);
                    if (!placeholders(text).equals(placeholders(english.getString(key)))) {
                        problems.add(locale + ":" + key + " placeholders " + placeholders(text));
                    }
                    if (text.equals(english.getString(key)) && !key.startsWith("feed.site") && !SAME_AS_ENGLISH.contains(locale + ":" + key)) {
                        problems.add(locale + ":" + key + " is still English: " + text);
                    }
                    if (text.isBlank()) {
                        problems.add(locale + ":" + key + " is empty");
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** French typography: a no-break space before ":", ";", "?" and "!", and inside « » (a lone » is WordPress's separator). */
    @Test
    void frenchPutsANoBreakSpaceBeforeTheTallPunctuation() {
        List<String> problems = new ArrayList<>();
        Pattern wrong = Pattern.compile("[^\u00a0\u202f][:;?!](\\s|$)|\u00ab[^\u00a0]|\u00ab.*[^\u00a0]\u00bb");
        for (String name : BUNDLES) {
            ResourceBundle french = ReaderTexts.bundle(name, Locale.FRENCH);
            for (String key : french.keySet()) {
                if (wrong.matcher(french.getString(key)).find()) {
                    problems.add(key + ": " + french.getString(key));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** What the report feature says to readers: every message in every language, every word of its lists. */
    @Test
    void theReportFeaturesMessagesAndWordsAreAllTranslated() throws IllegalAccessException {
        List<String> messages = new ArrayList<>();
        for (java.lang.reflect.Field field : org.moderato.report.ReportMessages.class.getFields()) {
            messages.add((String) field.get(null));
        }
        assertTrue(messages.size() >= 20, messages.toString());
        for (Locale locale : ReaderTexts.SUPPORTED.subList(1, ReaderTexts.SUPPORTED.size())) {
            for (String message : messages) {
                assertNotEquals(message, texts.translate(locale, message), locale + " has no translation of: " + message);
            }
            ReaderTexts.Words words = ReaderTexts.words(locale);
            ReaderTexts.Words mail = ReaderTexts.words(ReaderTexts.MAIL_BUNDLE, locale);
            for (org.moderato.report.ReportReason reason : org.moderato.report.ReportReason.values()) {
                if (!SAME_AS_ENGLISH.contains(locale.getLanguage() + ":report.reason." + reason.key())) {
                    assertNotEquals(reason.label(), reason.label(words), locale + " " + reason);
                }
                reason.shortName(words);
            }
            for (org.moderato.report.RemovalGround ground : org.moderato.report.RemovalGround.values()) {
                assertNotEquals(ground.label(), texts.translate(locale, ground.label()), locale + " " + ground);
            }
            for (org.moderato.report.DecisionOutcome outcome : org.moderato.report.DecisionOutcome.values()) {
                words.text("notice.outcome." + outcome.key(), "x");
                mail.text("mail.outcome." + outcome.key());
            }
        }
        // a stored ground on the law keeps the law's name, in the reader's language
        assertEquals("rechtswidrige Inhalte nach \u00a7 130 StGB", texts.translate(Locale.GERMAN, "illegal content under \u00a7 130 StGB"));
    }

    @Test
    void theCoresMessagesToReadersAreAllTranslated() {
        List<String> messages = new ArrayList<>(List.of(ClosedCheck.MESSAGE, FloodCheck.MESSAGE, BotCheck.MESSAGE, DuplicateCheck.MESSAGE,
                RequiredFieldsCheck.MESSAGE, "Please enter your name.", "Please enter your email address.",
                "This thread is nested as deeply as this site allows (5 levels); please reply further up."));
        // every field message bean validation gives a draft, as the reader would see it
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        CommentDraft draft = new CommentDraft("n".repeat(300), "x".repeat(90) + "@bad", "ftp://" + "w".repeat(300), "");
        validator.validate(draft).forEach(v -> messages.add(v.getMessage()));
        CommentDraft tooLong = new CommentDraft("Ada", "ada@example.org", null, "c".repeat(70_000));
        validator.validate(tooLong).forEach(v -> messages.add(v.getMessage()));
        assertTrue(messages.size() >= 12, messages.toString());
        for (Locale locale : ReaderTexts.SUPPORTED.subList(1, ReaderTexts.SUPPORTED.size())) {
            for (String message : messages) {
                assertNotEquals(message, texts.translate(locale, message), locale + " has no translation of: " + message);
            }
        }
    }

    @Test
    void aMessageWithANumberKeepsItsNumber() {
        assertEquals("Diese Diskussion ist so tief verschachtelt, wie diese Website es erlaubt (5 Ebenen); bitte antworte weiter oben.",
                texts.translate(Locale.GERMAN, "This thread is nested as deeply as this site allows (5 levels); please reply further up."));
        assertEquals("Rilevato un commento duplicato; sembra che tu l’abbia già detto!", texts.translate(Locale.ITALIAN, DuplicateCheck.MESSAGE));
    }

    @Test
    void whatTheBundlesDoNotHaveStaysAsItIs() {
        assertEquals("Something only a developer reads.", texts.translate(Locale.GERMAN, "Something only a developer reads."));
        assertEquals(ClosedCheck.MESSAGE, texts.translate(ENGLISH, ClosedCheck.MESSAGE));
    }

    @Test
    void aLanguageIsChosenOnlyAmongThoseWeHave() {
        assertEquals(Locale.GERMAN, texts.localeFor("de"));
        assertEquals(Locale.GERMAN, texts.localeFor("de-AT"));
        assertEquals(Locale.forLanguageTag("es"), texts.localeFor("es_ES"));
        assertEquals(ENGLISH, texts.localeFor("pt"), "the site's language for one we do not have");
        assertEquals(ENGLISH, texts.localeFor(null));
    }

    @Test
    void textsWithAnApostropheAndAnArgumentKeepTheApostrophe() {
        assertEquals("1 réponse", texts.text(Locale.FRENCH, "replies.one"));
        assertEquals("12 risposte", texts.text(Locale.ITALIAN, "replies.other", 12));
        assertEquals("Retour à «\u00a0Marées\u00a0»", texts.text(Locale.FRENCH, "own.back", "Marées"));
    }

    @Test
    void everyKeyThePagesUseIsInTheBundles() throws java.io.IOException {
        ResourceBundle english = ReaderTexts.bundle(ENGLISH);
        List<String> problems = new ArrayList<>();
        Pattern used = Pattern.compile("words\\['([\\w.]+)'\\]|texts\\.(?:with2?|text)\\('([\\w.]+)'");
        ResourceBundle staff = ReaderTexts.bundle(STAFF_BUNDLE, ENGLISH);
        Pattern staffUsed = Pattern.compile("staff\\['([\\w.]+)'\\]");
        Set<String> adminPagesWithStaffKeys = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("webapp"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String page = java.nio.file.Files.readString(file);
                if (file.startsWith(java.nio.file.Path.of("webapp", "admin")) && staffUsed.matcher(page).find()) {
                    adminPagesWithStaffKeys.add(file.toString());
                }
                Matcher m = used.matcher(page);
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!english.containsKey(key)) {
                        problems.add(file + ": no key " + key);
                    }
                }
                Matcher s = staffUsed.matcher(page);
                while (s.find()) {
                    if (!staff.containsKey(s.group(1))) {
                        problems.add(file + ": no staff key " + s.group(1));
                    }
                }
                // the bundle's page variable is "words": any other name renders nothing at all
                if (Pattern.compile("#\\{t\\['|\\st\\['").matcher(page).find()) {
                    problems.add(file + ": t['...'] is not the bundle (it is words['...'])");
                }
            }
        }
        // beans that read the staff bundle themselves (DashboardPage: staff("dashboard.noneWaiting"))
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src", "main", "java"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher s = Pattern.compile("\\bstaff\\(\"([\\w.]+)\"\\)").matcher(java.nio.file.Files.readString(file));
                while (s.find()) {
                    if (!staff.containsKey(s.group(1))) {
                        problems.add(file + ": no staff key " + s.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), problems);
        // the walk reaches /admin/** too: every admin page (the dashboard, its tools and the privacy pages) takes its text from the bundle
        assertTrue(adminPagesWithStaffKeys.size() >= 16, "admin pages with staff keys: " + adminPagesWithStaffKeys);
    }

    /**
     * A staff text a page formats (h:outputFormat, of:formatN) is a MessageFormat pattern: a single quote there must be
     * written twice, or it is dropped and quotes the rest away, and a count is {0,number,#} so that 3002 stays 3002 as
     * the page wrote it before (not 3,002). A text a page shows as it is must neither double a quote nor carry a {0}.
     */
    @Test
    void staffTextsThePagesFormatAreMessageFormatPatternsAndTheOthersAreNot() throws java.io.IOException {
        ResourceBundle staff = ReaderTexts.bundle(STAFF_BUNDLE, ENGLISH);
        Pattern formatted = Pattern.compile("outputFormat value=\"#\\{staff\\['([\\w.]+)'\\]\\}\"|of:format\\d\\(staff\\['([\\w.]+)'\\]");
        Pattern used = Pattern.compile("staff\\['([\\w.]+)'\\]");
        Set<String> patterns = new TreeSet<>();
        Set<String> plain = new TreeSet<>();
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("webapp"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String page = java.nio.file.Files.readString(file);
                Matcher f = formatted.matcher(page);
                while (f.find()) {
                    patterns.add(f.group(1) != null ? f.group(1) : f.group(2));
                }
                Matcher u = used.matcher(formatted.matcher(page).replaceAll(""));
                while (u.find()) {
                    plain.add(u.group(1));
                }
            }
        }
        assertTrue(patterns.size() >= 10, "formatted staff texts: " + patterns);
        List<String> problems = new ArrayList<>();
        // a key the bundle lacks is everyKeyThePagesUseIsInTheBundles' finding
        patterns.retainAll(staff.keySet());
        plain.retainAll(staff.keySet());
        for (String key : patterns) {
            String pattern = staff.getString(key);
            if (pattern.replace("''", "").contains("'")) {
                problems.add(key + " has a single quote: " + pattern);
            }
            Object[] args = pattern.contains(",number") ? new Object[] {3002L, 2L, 3L, 4L, 5L} : new Object[] {"a", "b", "c", "d", "e"};
            String shown = new java.text.MessageFormat(pattern, ENGLISH).format(args);
            if (shown.contains("{") || shown.contains("3,002")) {
                problems.add(key + " shows " + shown);
            }
        }
        for (String key : plain) {
            String text = staff.getString(key);
            if (text.contains("''") || Pattern.compile("\\{\\d").matcher(text).find()) {
                problems.add(key + " is shown as it is but reads like a pattern: " + text);
            }
        }
        assertEquals(List.of(), problems);
    }
}
