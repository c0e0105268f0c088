package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.rules.Fixtures.NOW;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Fixtures;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

class FloodCheckTest {

    private final FloodCheck check = new FloodCheck();

    private static SubmissionFacts lastCommentSecondsAgo(long seconds) {
        return new SubmissionFacts(NOW, true, NOW, Optional.empty(), false, Optional.of(NOW.minusSeconds(seconds)), 0, false, false);
    }

    @Test
    void aSecondCommentWithin15SecondsIsRefusedWith429() {
        var refusal = check.check(Fixtures.submission(), lastCommentSecondsAgo(14), Fixtures.rules()).orElseThrow();
        assertEquals("You are posting comments too quickly. Slow down.", refusal.message());
        assertEquals(429, refusal.httpStatus());
        assertTrue(check.check(Fixtures.submission(), lastCommentSecondsAgo(15), Fixtures.rules()).isEmpty());
        assertTrue(check.check(Fixtures.submission(), Fixtures.facts(), Fixtures.rules()).isEmpty(), "a first comment");
    }

    @Test
    void theIntervalIsConfigurableAndModeratorsAreExempt() {
        assertTrue(check.check(Fixtures.submission(), lastCommentSecondsAgo(20), Fixtures.rulesWith(r -> r.setFloodSeconds(60))).isPresent());
        assertTrue(check.check(Fixtures.submission(), lastCommentSecondsAgo(0), Fixtures.rulesWith(r -> r.setFloodSeconds(0))).isEmpty());
        Submission s = Fixtures.submission();
        Submission staff = new Submission(s.articleId(), null, s.author(), s.email(), s.website(), s.text(), s.ipAddress(),
                s.userAgent(), null, s.formToken(), true);
        assertTrue(check.check(staff, lastCommentSecondsAgo(1), Fixtures.rules()).isEmpty());
    }
}
