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
