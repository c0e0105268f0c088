package org.moderato.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.moderato.rules.Fixtures.NOW;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommentPipelineTest {

    private final FormToken tokens = new FormToken("k".repeat(32).getBytes());
    private final CommentPipeline pipeline = new CommentPipeline(tokens, org.moderato.spamfilter.SpamModel::new);

    private Submission withToken(String text, String honeypot) {
        Submission s = Fixtures.withText(text);
        return new Submission(s.articleId(), null, s.author(), s.email(), s.website(), s.text(), s.ipAddress(), s.userAgent(),
                honeypot, tokens.issue(s.articleId(), NOW.minusSeconds(30)), false);
    }

    /** Four approved comments, and the returning-commenter token of one of them. */
    private static SubmissionFacts knownAuthor() {
        return new SubmissionFacts(NOW, true, NOW, Optional.empty(), false, Optional.empty(), 4, false, true);
    }

    @Test
    void aKnownAuthorsPlainCommentIsApproved() {
        var outcome = pipeline.run(withToken("Thanks!", null), knownAuthor(), Fixtures.rules());
        assertTrue(outcome.refusal().isEmpty());
        assertEquals(new Verdict(Decision.APPROVE, List.of("approved: author has 4 approved comments")), outcome.verdict());
    }

    @Test
    void everyReasonIsKeptAndSpamBeatsHold() {
        var rules = Fixtures.rulesWith(r -> { r.setManualApproval(true); r.setDisallowedKeys("casino"); });
        var outcome = pipeline.run(withToken("casino https://a.example https://b.example", null), knownAuthor(), rules);
        assertEquals(Decision.SPAM, outcome.verdict().decision());
        assertEquals(List.of("held: every comment is approved by hand (site setting)", "spam: disallowed word 'casino' in comment",
                "held: 2 links, limit 2", "approved: author has 4 approved comments"), outcome.verdict().reasons());
    }

    @Test
    void refusalsStopThePipelineUnlessBotsAreFiledAsSpam() {
        var bot = withToken("Nice", "filled");
        assertEquals(403, pipeline.run(bot, knownAuthor(), Fixtures.rules()).refusal().orElseThrow().httpStatus());
        var filed = pipeline.run(bot, knownAuthor(), Fixtures.rulesWith(r -> r.setBotsToSpam(true)));
        assertTrue(filed.refusal().isEmpty());
        assertEquals(Decision.SPAM, filed.verdict().decision());
        assertEquals("spam: hidden honeypot field was filled in", filed.verdict().reasons().get(0));
    }
}
