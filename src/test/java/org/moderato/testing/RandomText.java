package org.moderato.testing;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded random text for property tests. Each case is one seed, named in the test's display name
 * and in its failure message; {@code -Dproperty.seed=N} runs only that case again.
 */
public final class RandomText {

    /** Fragments that have broken HTML sanitisers, pattern matchers and text cleaners before. */
    public static final List<String> HOSTILE_PIECES = List.of(
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>",
            "<a href='java\tscript:alert(1)'>y</a>", "<svg/onload=alert(1)>", "<iframe src=//evil>", "\"><script>",
            "<iframe srcdoc=\"<b>x</b>\">", "<b title='>'>t</b>", "<a href=\"https://ok.example\" onclick=\"x\">ok</a>",
            "<b onmouseover=alert(1)>b</b>", "<style>*{}</style>", "<!--", "-->", "<![CDATA[", "]]>", "&lt;script&gt;",
            "&#x3C;script&#x3E;", "\u0000", "\u0007", "\u202e", "\u200b", "\r\n", "\n\n", "\t", "e\u0301", "😀", "𝒳", "\uD800",
            "<", ">", "</", "<b", "<a ", "=\"", "'", "<b>", "</b>", "<i>", "</q>", "<a href=", "<A HREF='z'>", "</a>",
            "https://a.example", "www.b.example", "<blockquote cite=\"javascript:x\">q</blockquote>",
            "<q cite=\"https://c.example\">q</q>", "<del datetime=\"x\">d</del>", "<b/>", "<code>", "<x-y>", "<p>", "<br>");

    private RandomText() {}

    /** For {@code @MethodSource}: a property runs once per seed. */
    public static final String SEEDS = "org.moderato.testing.RandomText#seeds";

    /** The seeds to run: 1..500, or the one given as {@code -Dproperty.seed}. */
    public static LongStream seeds() {
        String one = System.getProperty("property.seed");
        return one != null ? LongStream.of(Long.parseLong(one)) : LongStream.rangeClosed(1, 500);
    }

    /** Any UTF-16 text, lone surrogates and control characters included. */
    public static String any(Random random, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        while (text.length() < length) {
            text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x10000) : (char) (0x20 + random.nextInt(0x60)));
        }
        return text.toString();
    }

    /** Up to {@code pieces} hostile fragments and random text, joined. */
    public static String hostile(Random random, int pieces) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(pieces + 1);
        for (int i = 0; i < count; i++) {
            text.append(random.nextBoolean() ? HOSTILE_PIECES.get(random.nextInt(HOSTILE_PIECES.size())) : any(random, 12));
        }
        return text.toString();
    }

    /** Text of {@code min} to {@code max} characters drawn from {@code chars}. */
    public static String of(Random random, String chars, int min, int max) {
        StringBuilder text = new StringBuilder(max);
        int length = min + random.nextInt(max - min + 1);
        while (text.length() < length) {
            text.appendCodePoint(chars.codePointAt(chars.offsetByCodePoints(0, random.nextInt(chars.codePointCount(0, chars.length())))));
        }
        return text.toString();
    }
}
