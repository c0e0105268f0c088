package org.moderato.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything a reader reads, in the site's language ({@code MODERATO_LANGUAGE}) or the one a page asks
 * for ({@code ?lang=de}, the widget's {@code lang}): the bundles {@code org/moderato/i18n/Reader*.properties}
 * (English, German, French, Spanish, Italian). The core writes its messages to readers in English, as
 * WordPress writes its msgids; the doors show them translated ({@link #translate}), by the English
 * text's key in the base bundle, placeholders included.
 */
@Named("texts")
@ApplicationScoped
public class ReaderTexts {

    public static final String BUNDLE = "org.moderato.i18n.Reader";
    /** The mails to readers and the pages their links open (mail.MailText), in the site's language. */
    public static final String MAIL_BUNDLE = "org.moderato.i18n.Mail";
    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
            Locale.forLanguageTag("es"), Locale.ITALIAN);
    public static final String LANG_PARAM = "lang";

    private static final Logger LOG = Logger.getLogger(ReaderTexts.class.getName());
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    @Inject
    Settings settings;

    @Inject
    HttpServletRequest request;

    private Locale site = Locale.ENGLISH;
    /** The base bundle's English texts, each as a pattern that finds its key and arguments in an English message. */
    private final List<Template> english = new ArrayList<>();
    private final Map<Locale, DateTimeFormatter[]> dates = new ConcurrentHashMap<>();

    private record Template(String key, Pattern pattern) {}

    @PostConstruct
    void load() {
        site = supported(settings.language()).orElseGet(() -> {
            LOG.warning(() -> "MODERATO_LANGUAGE=" + settings.language() + " is not one of en, de, fr, es, it; readers get English");
            return Locale.ENGLISH;
        });
        ResourceBundle base = bundle(Locale.ENGLISH);
        for (String key : base.keySet()) {
            english.add(new Template(key, patternOf(base.getString(key))));
        }
    }

    /** "Please wait {0} s." becomes ^Please wait (.+?) s\.$: literal parts quoted, each {n} a group. */
    static Pattern patternOf(String text) {
        StringBuilder regex = new StringBuilder("^");
        Matcher m = PLACEHOLDER.matcher(text);
        int at = 0;
        while (m.find()) {
            regex.append(Pattern.quote(text.substring(at, m.start()))).append("(.+?)");
            at = m.end();
        }
        return Pattern.compile(regex.append(Pattern.quote(text.substring(at))).append('$').toString());
    }

    public static ResourceBundle bundle(Locale locale) {
        return bundle(BUNDLE, locale);
    }

    public static ResourceBundle bundle(String name, Locale locale) {
        return ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The texts of one bundle in one language, for code that is no page (the core's English, a mail). */
    @FunctionalInterface
    public interface Words {
        String text(String key, Object... args);
    }

    public static Words words(Locale locale) {
        return words(BUNDLE, locale);
    }

    public static Words words(String bundleName, Locale locale) {
        ResourceBundle texts = bundle(bundleName, locale);
        return (key, args) -> format(texts.getString(key), locale, args);
    }

    /** {@code {n}} replaced by the arguments; the bundles' apostrophes are text, not MessageFormat's quotes. */
    public static String format(String pattern, Locale locale, Object... args) {
        return args.length == 0 ? pattern : new MessageFormat(pattern.replace("'", "''"), locale).format(args);
    }

    static Optional<Locale> supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return Optional.empty();
        }
        String language = Locale.forLanguageTag(tag.strip().replace('_', '-')).getLanguage();
        return SUPPORTED.stream().filter(l -> l.getLanguage().equals(language)).findFirst();
    }

    public Locale siteLocale() {
        return site;
    }

    /** The language of the request being served: its {@code lang} parameter when we have that language, else the site's. */
    public Locale getLocale() {
        try {
            return localeFor(request.getParameter(LANG_PARAM));
        } catch (RuntimeException noRequest) {
            // called outside a request (a background job): the site's language
            return site;
        }
    }

    /**
     * {@code ?lang=de} when the request asked for a language we have, else "": forms and redirects keep
     * the reader's language.
     */
    public String getLangQuery() {
        try {
            return supported(request.getParameter(LANG_PARAM)).map(l -> "?" + LANG_PARAM + "=" + l.getLanguage()).orElse("");
        } catch (RuntimeException noRequest) {
            return "";
        }
    }

    public Locale localeFor(String lang) {
        return supported(lang).orElse(site);
    }

    /** The text of {@code key} in the request's language, {@code {n}} replaced by the arguments. */
    public String text(String key, Object... args) {
        return text(getLocale(), key, args);
    }

    /** For pages (EL calls no varargs): {@code #{texts.with('comment.by', name)}}. */
    public String with(String key, Object arg) {
        return text(getLocale(), key, arg);
    }

    public String text(Locale locale, String key, Object... args) {
        return format(bundle(locale).getString(key), locale, args);
    }

    /** For pages: a text with two arguments. */
    public String with2(String key, Object first, Object second) {
        return text(getLocale(), key, first, second);
    }

    /** An English message of the core in the request's language; a message the bundles do not have stays as it is. */
    public String translate(String message) {
        return translate(getLocale(), message);
    }

    public String translate(Locale locale, String message) {
        if (message == null || locale.getLanguage().equals("en")) {
            return message;
        }
        for (Template template : english) {
            Matcher m = template.pattern().matcher(message);
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1);
                }
                return text(locale, template.key(), args);
            }
        }
        return message;
    }

    /** Field messages translated, in their order. */
    public Map<String, String> translate(Map<String, String> messages) {
        Map<String, String> translated = new LinkedHashMap<>();
        messages.forEach((field, message) -> translated.put(field, translate(message)));
        return translated;
    }

    /** "1 reply" / "12 replies". */
    public String replies(long n) {
        return n == 1 ? text("replies.one") : text("replies.other", n);
    }

    /** A date as the reader's language writes it: "December 2, 2026", "2. Dezember 2026". */
    public String date(Instant instant) {
        return formatters(getLocale())[0].format(instant);
    }

    /** Date and time, in UTC (the zone is written, since readers are everywhere). */
    public String dateTime(Instant instant) {
        return dateTime(getLocale(), instant);
    }

    public String dateTime(Locale locale, Instant instant) {
        return formatters(locale)[1].format(instant) + " UTC";
    }

    private DateTimeFormatter[] formatters(Locale locale) {
        return dates.computeIfAbsent(locale, l -> new DateTimeFormatter[] {
                DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(l).withZone(ZoneOffset.UTC),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT).withLocale(l).withZone(ZoneOffset.UTC)});
    }
}
