package org.moderato.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyListTest {

    private static Optional<KeyList.Match> match(String list, String text) {
        KeyList.Parsed parsed = KeyList.parse(list);
        assertEquals(List.of(), parsed.problems());
        return parsed.list().firstMatch(Fixtures.withText(text));
    }

    @ParameterizedTest(name = "''{0}'' matches ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "viagra | Buy VIAGRA now",
        "viagra | Buy v1agra now",
        "viagra | Buy V14GR4 now",
        "viagra | Buy vi\u200Bagra now",
        "viagra | Buy víágra now",
        "cheap loans | Get CHEAP   loans here",
        "casino* | the casinos are open",
        "*coin | buy bitcoin",
        "café | I like cafe",
    })
    void catchesDisguisedWords(String entry, String text) {
        assertTrue(match(entry, text).isPresent());
    }

    @ParameterizedTest(name = "''{0}'' does not match ''{1}''")
    @CsvSource(delimiter = '|', value = {
        "press | Built with WordPress",
        "cunt | Greetings from Scunthorpe",
        "ass | A classic assessment",
        "casino | casinos are open",
        "cheap loans | loans are cheap",
        "2024 | a year like 2o24",
    })
    void matchesWholeWordsOnlySoInnocentWordsPass(String entry, String text) {
        assertFalse(match(entry, text).isPresent());
    }

    @Test
    void listsAreCutIntoLinesExactlyAsSplitAtAnyLineBreakCutsThem() {
        for (String text : List.of("", "one", "one\ntwo", "one\r\ntwo\rthree", "\n\nlead\n\n", "a\r\n\r\nb\r\n",
                "x\u000By\fz\u0085w\u2028v\u2029u", "\r\r\n\n", "trailing\r")) {
            assertEquals(List.of(text.split("\\R")), KeyList.lines(text).isEmpty() && text.isEmpty() ? List.of("") : KeyList.lines(text),
                    text.replace("\n", "\\n").replace("\r", "\\r"));
        }
    }

    @Test
    void aTextInUseIsParsedOnceForTheSaveThatChecksItAndTheCommentsMatchedAgainstIt() {
        String list = "casino\n10.0.0.0/8\nparsed once " + System.nanoTime();
        KeyList.Parsed checked = KeyList.parse(list);
        assertSame(checked, KeyList.parse(list));
        assertSame(checked.list(), KeyList.of(list));
        assertNotSame(checked, KeyList.parse(list + "\nanother line"));
    }

    @Test
    void badLinesAreReportedWithTheirNumbersAndEmptyLinesIgnored() {
        KeyList.Parsed parsed = KeyList.parse("casino\n\n10.0.0.0/33\n  \n999.1.1.1\nfoo/bar\nbad@@mail\n@\n@ok.example\n2001:db8::/32");
        assertEquals(List.of(
                "Line 3 (\"10.0.0.0/33\"): the prefix must be a number from 0 to 32.",
                "Line 5 (\"999.1.1.1\"): not a valid IP address.",
                "Line 6 (\"foo/bar\"): a range must be an IP address and a prefix, like 203.0.113.0/24.",
                "Line 7 (\"bad@@mail\"): not a valid email address.",
                "Line 8 (\"@\"): an @domain entry needs a domain name after the @."), parsed.problems());
        assertEquals(3, parsed.list().size());
    }

    @Test
    void ipv6RangesMatch() {
        KeyList list = KeyList.parse("2001:db8::/32").list();
        Submission inside = Fixtures.with("A", "a@example.com", null, "hi", "2001:db8:1::5", "ua");
        Submission outside = Fixtures.with("A", "a@example.com", null, "hi", "2001:db9::5", "ua");
        assertTrue(list.firstMatch(inside).isPresent());
        assertFalse(list.firstMatch(outside).isPresent());
    }

    @Test
    void aLongListIsMatchedInOnePassInListOrder() {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            list.append("word").append(i).append(i % 3 == 0 ? "*" : "").append(i % 7 == 0 ? " phrase" : "").append('\n');
        }
        list.append("*tail\ncheap loans\n");
        KeyList.Parsed parsed = KeyList.parse(list.toString());
        assertEquals(List.of(), parsed.problems());
        assertEquals("moderation word 'cheap loans' in comment",
                parsed.list().firstMatch(Fixtures.withText("x ".repeat(30_000) + "cheap loans")).orElseThrow().describe("moderation"));
        assertEquals("moderation word 'word3*' in comment", // the first in list order, not 'word3999*'
                parsed.list().firstMatch(Fixtures.withText("some word3999s and a longtail")).orElseThrow().describe("moderation"));
        assertEquals("moderation word '*tail' in comment",
                parsed.list().firstMatch(Fixtures.withText("a longtail")).orElseThrow().describe("moderation"));
        assertFalse(parsed.list().firstMatch(Fixtures.withText("word7 alone")).isPresent(), "'word7 phrase' needs both words");
    }

    @Test
    void entriesThatWouldCostEveryCommentTooMuchAreRefusedWithAReason() {
        String oneByOne = "a*b\n".repeat(KeyList.MAX_ONE_BY_ONE + 1);
        assertEquals(List.of("Line " + (KeyList.MAX_ONE_BY_ONE + 1) + " (\"a*b\"): at most " + KeyList.MAX_ONE_BY_ONE
                + " entries of a list may have a * inside a word or more than one * in a word."), KeyList.parse(oneByOne).problems());
        assertEquals(List.of("Line 1 (\"" + "w ".repeat(11).strip() + "\"): a phrase has at most 10 words."),
                KeyList.parse("w ".repeat(11)).problems());
        assertEquals(1, KeyList.parse("x".repeat(KeyList.MAX_LINE + 1)).problems().size());
    }

    @Test
    void wildcardsInsideWordsMatchLikeGlobs() {
        assertTrue(match("c*s*no", "a cuisino here").isPresent());
        assertTrue(match("*sex*", "unisexual").isPresent());
        assertFalse(match("c*s*no", "a casin here").isPresent());
    }

    @Test
    void prefixesAndSuffixesMatchUpToTheWholeWord() {
        assertTrue(match("casino*", "casino").isPresent());
        assertTrue(match("casino*", "casinos galore").isPresent());
        assertTrue(match("*coin", "bitcoin").isPresent());
        assertTrue(match("*coin", "coin").isPresent());
        assertFalse(match("casino*", "casin").isPresent());
        assertFalse(match("*coin", "coins").isPresent());
        assertTrue(match("cheap* *coin", "cheapest bitcoin").isPresent(), "in a phrase");
    }

    /**
     * A word that matches none of many prefix and suffix entries costs what it costs against one: each
     * prefix length looked up by a substring cost 26 ms per 65 KB of 200-letter words against 199 lengths.
     */
    @Test
    void prefixAndSuffixEntriesOfEveryLengthCostOneWalkPerWord() {
        StringBuilder entries = new StringBuilder();
        for (int length = 1; length < KeyList.MAX_LINE; length++) {
            entries.append("b".repeat(length)).append("*\n*").append("c".repeat(length)).append('\n');
        }
        KeyList every = KeyList.parse(entries.toString()).list();
        KeyList one = KeyList.parse("b*\n*c").list();
        Submission words = Fixtures.withText(("x" + "b".repeat(198) + "y ").repeat(325));
        double ratio = (double) cpuNanos(() -> every.firstMatch(words)) / Math.max(1, cpuNanos(() -> one.firstMatch(words)));
        assertTrue(ratio < 4, "199 prefix and suffix lengths cost " + ratio + " times one");
    }

    private static long cpuNanos(Runnable match) {
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 5; i++) {
            match.run();
        }
        long start = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < 20; i++) {
            match.run();
        }
        return cpu.getCurrentThreadCpuTime() - start;
    }
}
