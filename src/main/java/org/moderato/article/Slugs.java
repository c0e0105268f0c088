package org.moderato.article;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;

/**
 * Makes the {@code /articles/{slug}} part of an address from a title or from what an admin typed:
 * lower-case ASCII letters, digits and single hyphens, at most {@link ArticleLimits#SLUG_MAX}
 * characters. Accents are dropped ("Crème brûlée" is "creme-brulee"); scripts without a Latin
 * spelling leave nothing, and the caller then picks a fallback.
 */
public final class Slugs {

    /** Letters that Unicode decomposition does not turn into ASCII, spelled as their languages do. */
    private static final Map<Integer, String> SPELLED = Map.ofEntries(
            Map.entry((int) 'ß', "ss"), Map.entry((int) 'æ', "ae"), Map.entry((int) 'œ', "oe"),
            Map.entry((int) 'ø', "o"), Map.entry((int) 'đ', "d"), Map.entry((int) 'ð', "d"),
            Map.entry((int) 'ł', "l"), Map.entry((int) 'þ', "th"), Map.entry((int) 'ı', "i"),
            Map.entry((int) '&', " and "),
            // "Don't" is "dont", as WordPress spells it, not "don-t"
            Map.entry((int) '\'', ""), Map.entry((int) '\u2019', ""));

    private Slugs() {}

    /** The slug for {@code text}; empty when nothing in it can be spelled in ASCII. */
    public static String of(String text) {
        if (text == null) {
            return "";
        }
        // lower-case after decomposing: compatibility forms such as "㋌" decompose to capitals
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder slug = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < decomposed.length(); ) {
            int cp = decomposed.codePointAt(i);
            i += Character.charCount(cp);
            String spelled = SPELLED.get(cp);
            String piece = spelled != null ? spelled
                    : (cp < 128 && Character.isLetterOrDigit(cp)) ? Character.toString(cp)
                    : Character.getType(cp) == Character.NON_SPACING_MARK ? ""
                    : " ";
            for (char c : piece.toCharArray()) {
                if (c == ' ') {
                    hyphen = slug.length() > 0;
                } else {
                    if (hyphen) {
                        slug.append('-');
                        hyphen = false;
                    }
                    slug.append(c);
                }
            }
        }
        return cut(slug.toString(), ArticleLimits.SLUG_MAX);
    }

    /** {@code base}, or {@code base-2}, {@code base-3}, ... for the n-th candidate, still within the limit. */
    public static String candidate(String base, int n) {
        if (n <= 1) {
            return base;
        }
        String suffix = "-" + n;
        return cut(base, ArticleLimits.SLUG_MAX - suffix.length()) + suffix;
    }

    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= ArticleLimits.SLUG_MAX && slug.matches("[a-z0-9]+(-[a-z0-9]+)*");
    }

    /** Shortens at a hyphen where one is near, so a long title does not end in half a word. */
    private static String cut(String slug, int max) {
        if (slug.length() <= max) {
            return slug;
        }
        String cut = slug.substring(0, max);
        int hyphen = cut.lastIndexOf('-');
        if (hyphen > max / 2) {
            cut = cut.substring(0, hyphen);
        }
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }
}
