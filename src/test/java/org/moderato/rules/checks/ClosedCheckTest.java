package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.rules.Fixtures.NOW;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Fixtures;
import org.moderato.rules.SubmissionFacts;

class ClosedCheckTest {

    private final ClosedCheck check = new ClosedCheck();

    private static SubmissionFacts article(boolean open, Duration age) {
        return new SubmissionFacts(NOW, open, NOW.minus(age), Optional.empty(), false, Optional.empty(), 0, false, false);
    }

    @Test
    void anOpenArticleTakesComments() {
        assertTrue(check.check(Fixtures.submission(), article(true, Duration.ofDays(400)), Fixtures.rules()).isEmpty());
    }

    @Test
    void aClosedArticleRefusesWith403() {
        var refusal = check.check(Fixtures.submission(), article(false, Duration.ofDays(1)), Fixtures.rules()).orElseThrow();
        assertEquals("Comments are closed.", refusal.message());
        assertEquals(403, refusal.httpStatus());
    }

    @Test
    void oldArticlesCloseOnlyWhenTheAdminSaysSo() {
        var rules = Fixtures.rulesWith(r -> { r.setCloseOldArticles(true); r.setCloseAfterDays(14); });
        assertTrue(check.check(Fixtures.submission(), article(true, Duration.ofDays(14).minusMinutes(1)), rules).isEmpty());
        assertEquals("Comments are closed.",
                check.check(Fixtures.submission(), article(true, Duration.ofDays(14).plusMinutes(1)), rules).orElseThrow().message());
        assertTrue(check.check(Fixtures.submission(), article(true, Duration.ofDays(400)), Fixtures.rules()).isEmpty(), "off by default");
    }
}
