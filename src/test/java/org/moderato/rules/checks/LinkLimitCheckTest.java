package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Finding;
import org.moderato.rules.Fixtures;

class LinkLimitCheckTest {

    private final LinkLimitCheck check = new LinkLimitCheck();

    @Test
    void countsAnchorsOnceAndBareUrlsEach() {
        assertEquals(0, LinkLimitCheck.count("no links here, just example.com"));
        assertEquals(1, LinkLimitCheck.count("<a href=\"https://a.example\">https://a.example</a>"));
        assertEquals(2, LinkLimitCheck.count("see https://a.example and www.b.example"));
        assertEquals(3, LinkLimitCheck.count("<a href=\"x\">x</a> http://y.example <A HREF='z'>z</A>"));
    }

    @Test
    void hostileShapesAreCountedAsTheyRender() {
        assertEquals(0, LinkLimitCheck.count("<a ".repeat(21_800)), "no '>': no anchor, and no backtracking");
        assertEquals(5_400, LinkLimitCheck.count("<a href='x'>".repeat(5_400)), "anchors without </a>");
        assertEquals(1, LinkLimitCheck.count("e" + "\u0301".repeat(30_000) + " www.a.example"));
        assertEquals(0, LinkLimitCheck.count("xwww.a.example"), "a URL starts a word");
    }

    @Test
    void holdsAtTheLimitWithTheCountAsReason() {
        assertEquals(List.of(), check.assess(Fixtures.withText("one https://a.example"), Fixtures.facts(), Fixtures.rules()));
        assertEquals(List.of(Finding.hold("2 links, limit 2")),
                check.assess(Fixtures.withText("https://a.example https://b.example"), Fixtures.facts(), Fixtures.rules()));
    }

    @Test
    void zeroTurnsTheCheckOff() {
        assertEquals(List.of(), check.assess(Fixtures.withText("https://a.example https://b.example https://c.example"),
                Fixtures.facts(), Fixtures.rulesWith(r -> r.setLinkLimit(0))));
    }
}
