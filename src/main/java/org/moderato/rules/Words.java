package org.moderato.rules;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns text into the words that key lists are matched against: lower case, no diacritics
 * ("café" is "cafe"), no zero-width characters, and digits that stand in for letters read as
 * letters inside a word ("v1agra" is "viagra", "2024" stays "2024").
 */
public final class Words {

    private Words() {}

    /** The words of submitted text. */
    public static List<String> of(String text) {
        return split(text, false);
    }

    /** The words of a key-list entry, where {@code *} is kept as a wildcard. */
    static List<String> ofEntry(String entry) {
        return split(entry, true);
    }

    /** One pass over the decomposed text: no pattern, so no input shape costs more than its length. */
    private static List<String> split(String text, boolean keepWildcards) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < plain.length(); ) {
            int cp = plain.codePointAt(i);
            i += Character.charCount(cp);
            if (isMark(cp) || isInvisible(cp)) {
                continue;
            }
            if (isLetterOrNumber(cp) || cp == '$' || (keepWildcards && cp == '*')) {
                token.appendCodePoint(cp);
            } else if (cp != '*') {
                addWord(words, token);
            }
        }
        addWord(words, token);
        return words;
    }

    private static void addWord(List<String> words, StringBuilder token) {
        if (token.length() > 0 && !(token.length() == 1 && token.charAt(0) == '$')) {
            words.add(unswap(token.toString()));
        }
        token.setLength(0);
    }

    private static boolean isLetterOrNumber(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER;
    }

    private static boolean isMark(int cp) {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private static boolean isInvisible(int cp) {
        return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x2060 && cp <= 0x2064) || cp == 0xFEFF;
    }

    private static boolean hasLetter(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Digits and '$' read as letters, but only in a token that has letters: numbers stay numbers. */
    private static String unswap(String token) {
        if (!hasLetter(token)) {
            return token.replace("$", "");
        }
        StringBuilder word = null;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char read = readAsLetter(c);
            if (read != c && word == null) {
                word = new StringBuilder(token.length()).append(token, 0, i);
            }
            if (word != null) {
                word.append(read);
            }
        }
        return word == null ? token : word.toString();
    }

    private static char readAsLetter(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1' -> 'i';
            case '3' -> 'e';
            case '4' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            default -> c;
        };
    }
}
