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
    private static final Set<String> SAME_AS_ENGLISH = Set.of("de:form.name", "de:form.website", "it:form.email", "fr:front.title");

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
        ResourceBundle english = ReaderTexts.bundle(ENGLISH);
        List<String> problems = new ArrayList<>();
        for (Locale locale : ReaderTexts.SUPPORTED.subList(1, ReaderTexts.SUPPORTED.size())) {
            ResourceBundle bundle = ReaderTexts.bundle(locale);
            assertEquals(locale.getLanguage(), bundle.getLocale().getLanguage(), "a bundle of its own for " + locale);
            assertEquals(english.keySet(), bundle.keySet(), "the keys of " + locale);
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
        assertEquals(List.of(), problems);
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
        Pattern used = Pattern.compile("words\\['([\\w.]+)'\\]|texts\\.(?:with|text)\\('([\\w.]+)'");
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("webapp"))) {
            for (java.nio.file.Path file : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String page = java.nio.file.Files.readString(file);
                Matcher m = used.matcher(page);
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    if (!english.containsKey(key)) {
                        problems.add(file + ": no key " + key);
                    }
                }
                // the bundle's page variable is "words": any other name renders nothing at all
                if (Pattern.compile("#\\{t\\['|\\st\\['").matcher(page).find()) {
                    problems.add(file + ": t['...'] is not the bundle (it is words['...'])");
                }
            }
        }
        assertEquals(List.of(), problems);
    }
}
