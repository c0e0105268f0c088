package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.moderato.testing.RandomText;

class SlugsTest {

    @Test
    void titlesBecomeLowerCaseWordsJoinedByHyphens() {
        assertEquals("why-comments-need-moderation", Slugs.of("Why comments need moderation"));
        assertEquals("hello-world", Slugs.of("  Hello,   World!  "));
        assertEquals("10-tips-for-2026", Slugs.of("10 Tips for 2026"));
        assertEquals("dont-panic", Slugs.of("Don't panic"));
        assertEquals("dont-panic", Slugs.of("Don\u2019t panic"));
        assertEquals("salt-and-pepper", Slugs.of("Salt & Pepper"));
    }

    @Test
    void accentsAreDroppedAndSpecialLettersSpelledOut() {
        assertEquals("creme-brulee", Slugs.of("Crème Brûlée"));
        assertEquals("strasse-in-koln", Slugs.of("Straße in Köln"));
        assertEquals("smorrebrod-aebleskiver", Slugs.of("Smørrebrød æbleskiver"));
        assertEquals("lodz", Slugs.of("Łódź"));
        assertEquals("fiance", Slugs.of("ﬁancé"));
    }

    @Test
    void scriptsWithoutALatinSpellingLeaveNothingForTheCallerToReplace() {
        assertEquals("", Slugs.of("日本語の記事"));
        assertEquals("", Slugs.of("!!!"));
        assertEquals("", Slugs.of(null));
        assertEquals("2026", Slugs.of("日本 2026"));
    }

    @Test
    void longTitlesAreCutAtAWordWithinTheLimit() {
        String slug = Slugs.of("word ".repeat(100));
        assertTrue(slug.length() <= ArticleLimits.SLUG_MAX, slug);
        assertTrue(slug.endsWith("word"), slug);
        assertEquals(ArticleLimits.SLUG_MAX, Slugs.of("x".repeat(500)).length());
    }

    @Test
    void candidatesCountUpAndStayWithinTheLimit() {
        assertEquals("hello", Slugs.candidate("hello", 1));
        assertEquals("hello-2", Slugs.candidate("hello", 2));
        String longest = Slugs.candidate("x".repeat(200), 12);
        assertEquals(ArticleLimits.SLUG_MAX, longest.length());
        assertTrue(longest.endsWith("-12"));
    }

    @Test
    void validityMatchesWhatTheArticleAddressAccepts() {
        assertTrue(Slugs.isValid("a-b-c"));
        assertFalse(Slugs.isValid("a--b"));
        assertFalse(Slugs.isValid("-a"));
        assertFalse(Slugs.isValid("A"));
        assertFalse(Slugs.isValid(""));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource(RandomText.SEEDS)
    void everySlugIsValidOrEmpty(long seed) {
        Random random = new Random(seed);
        String title = random.nextBoolean() ? RandomText.any(random, 300) : RandomText.of(random, "aZ9 -'&ßÆœé\u0301日ﬁ㋌İ\u2019", 0, 300);
        String slug = Slugs.of(title);
        assertTrue(slug.isEmpty() || Slugs.isValid(slug), () -> "seed " + seed + ": '" + title + "' -> '" + slug + "'");
        assertTrue(slug.matches("[a-z0-9-]*"), "seed " + seed);
        assertEquals(slug, Slugs.of(slug), "a slug is its own slug (seed " + seed + ")");
    }
}
