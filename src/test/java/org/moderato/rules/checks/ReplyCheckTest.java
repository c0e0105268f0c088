package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.rules.Fixtures.NOW;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Fixtures;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

class ReplyCheckTest {

    private final ReplyCheck check = new ReplyCheck();

    private static Submission replyTo(long parentId) {
        Submission s = Fixtures.submission();
        return new Submission(s.articleId(), parentId, s.author(), s.email(), s.website(), s.text(), s.ipAddress(),
                s.userAgent(), s.honeypot(), s.formToken(), s.staff());
    }

    private static SubmissionFacts parent(long articleId, boolean approved, int depth) {
        return new SubmissionFacts(NOW, true, NOW, Optional.of(new SubmissionFacts.Parent(articleId, approved, depth)),
                false, Optional.empty(), 0, false, false);
    }

    @Test
    void aTopLevelCommentIsNoReply() {
        assertTrue(check.check(Fixtures.submission(), Fixtures.facts(), Fixtures.rules()).isEmpty());
    }

    @Test
    void repliesGoToApprovedCommentsOfTheSameArticle() {
        assertTrue(check.check(replyTo(3), parent(7, true, 1), Fixtures.rules()).isEmpty());
        String message = "You can only reply to a published comment on this article.";
        assertEquals(message, check.check(replyTo(3), parent(7, false, 1), Fixtures.rules()).orElseThrow().message());
        assertEquals(message, check.check(replyTo(3), parent(8, true, 1), Fixtures.rules()).orElseThrow().message());
        assertEquals(message, check.check(replyTo(3), Fixtures.facts(), Fixtures.rules()).orElseThrow().message(), "no such parent");
    }

    @Test
    void threadsStopAtTheConfiguredDepth() {
        assertTrue(check.check(replyTo(3), parent(7, true, 4), Fixtures.rules()).isEmpty(), "a reply at level 5 is fine");
        var refusal = check.check(replyTo(3), parent(7, true, 5), Fixtures.rules()).orElseThrow();
        assertTrue(refusal.message().contains("5 levels"), refusal.message());
        assertTrue(check.check(replyTo(3), parent(7, true, 1), Fixtures.rulesWith(r -> r.setThreadDepth(1))).isPresent(), "depth 1: no replies");
    }
}
