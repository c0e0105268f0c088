package org.moderato.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns text into the words that key lists are matched against: lower case, no diacritics
 * ("café" is "cafe"), no zero-width characters, and digits that stand in for letters read as
 * letters inside a word ("v1agra" is "viagra", "2024" stays "2024").
 */
public final class Words {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u180E\\u200B-\\u200F\\u2060-\\u2064\\uFEFF]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}*$]+");

    private Words() {}

    /** The words of submitted text. */
    public static List<String> of(String text) {
        return split(text, false);
    }

    /** The words of a key-list entry, where {@code *} is kept as a wildcard. */
    static List<String> ofEntry(String entry) {
        return split(entry, true);
    }

    private static List<String> split(String text, boolean keepWildcards) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = INVISIBLE.matcher(text).replaceAll("");
        plain = MARKS.matcher(Normalizer.normalize(plain, Normalizer.Form.NFKD)).replaceAll("").toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String token : SEPARATORS.split(plain)) {
            String word = keepWildcards ? token : token.replace("*", "");
            if (!word.isEmpty() && !word.equals("$")) {
                words.add(unswap(word));
            }
        }
        return words;
    }

    /** Digits and '$' read as letters, but only in a token that has letters: numbers stay numbers. */
    private static String unswap(String token) {
        if (token.chars().noneMatch(Character::isLetter)) {
            return token.replace("$", "");
        }
        StringBuilder word = new StringBuilder(token.length());
        for (char c : token.toCharArray()) {
            word.append(switch (c) {
                case '0' -> 'o';
                case '1' -> 'i';
                case '3' -> 'e';
                case '4' -> 'a';
                case '5', '$' -> 's';
                case '7' -> 't';
                default -> c;
            });
        }
        return word.toString();
    }
}
