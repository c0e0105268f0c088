package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.rules.Fixtures.NOW;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moderato.rules.FormToken;
import org.moderato.rules.Fixtures;
import org.moderato.rules.Refusal;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

class BotCheckTest {

    private final FormToken tokens = new FormToken("t".repeat(32).getBytes());
    private final BotCheck check = new BotCheck(tokens);

    private static Submission with(String honeypot, String token) {
        Submission s = Fixtures.submission();
        return new Submission(s.articleId(), s.parentId(), s.author(), s.email(), s.website(), s.text(), s.ipAddress(),
                s.userAgent(), honeypot, token, s.staff());
    }

    private Optional<Refusal> postedAfter(long seconds, String token) {
        SubmissionFacts facts = new SubmissionFacts(NOW.plusSeconds(seconds), true, NOW, Optional.empty(), false,
                Optional.empty(), 0, false, false);
        return check.check(with(null, token), facts, Fixtures.rules());
    }

    @Test
    void aFormSentByAPersonAfterReadingPasses() {
        assertTrue(postedAfter(4, tokens.issue(7, NOW)).isEmpty());
        assertTrue(postedAfter(24 * 3600, tokens.issue(7, NOW)).isEmpty());
    }

    @Test
    void tooFastTooLateOrForgedTokensAreRefusedWithANeutralMessage() {
        String token = tokens.issue(7, NOW);
        assertReason(postedAfter(1, token), "minimum 3 s");
        assertReason(postedAfter(24 * 3600 + 1, token), "older than 24 h");
        assertReason(postedAfter(10, tokens.issue(8, NOW)), "another article");
        assertReason(postedAfter(10, token.substring(0, token.length() - 2) + "00"), "forged");
        assertReason(postedAfter(10, new FormToken("x".repeat(32).getBytes()).issue(7, NOW)), "forged");
        assertReason(postedAfter(10, null), "no form token");
        assertReason(postedAfter(10, "a.b"), "malformed");
    }

    @Test
    void onlyTokensThisSiteSignedAreWorthRecordingAsSpent() {
        String token = tokens.issue(7, NOW);
        assertTrue(tokens.isSigned(token));
        assertTrue(tokens.isSigned(tokens.issue(8, NOW.minusSeconds(90 * 24 * 3600))), "age and article do not matter");
        assertFalse(tokens.isSigned(token.substring(0, token.length() - 2) + "00"));
        assertFalse(tokens.isSigned(new FormToken("x".repeat(32).getBytes()).issue(7, NOW)));
        assertFalse(tokens.isSigned("a.b"));
        assertFalse(tokens.isSigned(null));
    }

    @Test
    void theHoneypotCatchesBotsThatFillEveryField() {
        SubmissionFacts facts = new SubmissionFacts(NOW.plusSeconds(10), true, NOW, Optional.empty(), false, Optional.empty(), 0, false, false);
        assertReason(check.check(with("http://spam.example", tokens.issue(7, NOW)), facts, Fixtures.rules()), "honeypot");
    }

    private static void assertReason(Optional<Refusal> refusal, String reasonPart) {
        assertTrue(refusal.isPresent(), reasonPart);
        assertTrue(refusal.get().reason().contains(reasonPart), refusal.get().reason());
        assertTrue(refusal.get().suspectedBot());
        assertEquals(BotCheck.MESSAGE, refusal.get().message());
        assertEquals(403, refusal.get().httpStatus());
    }
}
