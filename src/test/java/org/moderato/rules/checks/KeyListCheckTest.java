package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Finding;
import org.moderato.rules.Fixtures;
import org.moderato.rules.Submission;

class KeyListCheckTest {

    private final KeyListCheck check = new KeyListCheck();

    private List<Finding> assess(Submission s, String moderation, String disallowed) {
        return check.assess(s, Fixtures.facts(), Fixtures.rulesWith(r -> { r.setModerationKeys(moderation); r.setDisallowedKeys(disallowed); }));
    }

    @Test
    void disallowedKeysSendToSpamAndSayWhereTheyMatched() {
        Submission s = Fixtures.with("Jane", "jane@example.com", "https://best-casino.example", "Nice post", "198.51.100.7", "Mozilla");
        assertEquals(List.of(Finding.spam("disallowed word 'casino' in website")), assess(s, "", "casino"));
    }

    @Test
    void moderationKeysHoldAndBothListsCanSpeak() {
        Submission s = Fixtures.withText("Cheap loan offers, and a casino");
        assertEquals(List.of(Finding.spam("disallowed word 'casino' in comment"), Finding.hold("moderation word 'loan' in comment")),
                assess(s, "loan", "casino"));
    }

    @Test
    void emptyListsSayNothing() {
        assertEquals(List.of(), assess(Fixtures.submission(), "", "\n\n"));
    }

    @Test
    void ipRangesEmailsAndDomainsAreMatchedOnTheirFields() {
        Submission s = Fixtures.with("Jane", "Jane@Spam.Example", null, "hello", "203.0.113.77", "curl/8");
        assertEquals(List.of(Finding.spam("disallowed IP 203.0.113.0/24")), assess(s, "", "203.0.113.0/24"));
        assertEquals(List.of(Finding.hold("moderation list line 1 matches the email address")), assess(s, "jane@spam.example", ""));
        assertEquals(List.of(Finding.hold("moderation email domain @spam.example")), assess(s, "@spam.example", ""));
        assertEquals(List.of(Finding.hold("moderation word 'curl' in user agent")), assess(s, "curl", ""));
        assertEquals(List.of(), assess(s, "203.0.114.0/24\n@example.org\n198.51.100.7", ""));
    }

    @Test
    void aMatchOnTheAddressIsNamedByItsLineAndNeverQuotesIt() {
        Submission s = Fixtures.with("Jane", "jane.doe@mail.example", null, "hello", "198.51.100.7", "Mozilla");
        List<Finding> byAddress = assess(s, "loan\n\n  Jane.Doe@mail.example  ", "");
        assertEquals(List.of(Finding.hold("moderation list line 3 matches the email address")), byAddress);
        List<Finding> byWords = assess(s, "jane doe mail", "");
        assertEquals(List.of(Finding.hold("moderation list line 1 matches the email address")), byWords);
        for (Finding finding : List.of(byAddress.get(0), byWords.get(0))) {
            assertFalse(finding.reason().toLowerCase(java.util.Locale.ROOT).contains("jane"), finding.reason());
        }
    }
}
