package org.moderato.rules.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.rules.Decision;
import org.moderato.rules.Finding;
import org.moderato.rules.Fixtures;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.spamfilter.FeatureHash;
import org.moderato.spamfilter.Features;
import org.moderato.spamfilter.Label;
import org.moderato.spamfilter.SpamModel;

class SpamFilterCheckTest {

    private static final Submission SPAMMY = Fixtures.with("Jane Reader", "jane@example.com", null,
            "casino bonus at http://x.example", "198.51.100.7", "Mozilla/5.0");
    private static final Submission FRIENDLY = Fixtures.with("Jane Reader", "jane@example.com", null,
            "thanks for the article", "198.51.100.7", "Mozilla/5.0");

    /** {@code each} spam comments about a casino and as many good ones about the article. */
    private static SpamModel trained(int each) {
        SpamModel model = new SpamModel();
        int[] spam = hashes(Features.of("Jane Reader", null, "casino bonus http://x.example"));
        int[] good = hashes(Features.of("Jane Reader", null, "thanks for the article"));
        for (int i = 0; i < each; i++) {
            model.train(spam, Label.SPAM, 1);
            model.train(good, Label.GOOD, 1);
        }
        return model;
    }

    private static int[] hashes(List<String> features) {
        return features.stream().mapToInt(FeatureHash::of).toArray();
    }

    private static List<Finding> assess(SpamModel model, Submission submission, RuleSettings rules) {
        return new SpamFilterCheck(() -> model).assess(submission, Fixtures.facts(), rules);
    }

    @Test
    void aSpamLikeCommentIsHeldWithTheScoreAndTheFeaturesThatWeighedMost() {
        List<Finding> findings = assess(trained(30), SPAMMY, Fixtures.rules());
        assertEquals(1, findings.size());
        assertEquals(Decision.HOLD, findings.get(0).decision());
        // each clue in 30 of 30 spam: f = (0.5 + 30) / 31; four such clues make a score of 0.99...
        assertEquals("held: spam filter 0.99: 'casino', 'bonus', link to x.example", findings.get(0).reason());
    }

    @Test
    void itFilesAsSpamOnlyOnceItHasLearntFiveHundredOfEach() {
        List<Finding> findings = assess(trained(500), SPAMMY, Fixtures.rules());
        assertEquals(Decision.SPAM, findings.get(0).decision());
        assertTrue(findings.get(0).reason().startsWith("spam: spam filter 0.99: 'casino'"), findings.get(0).reason());
    }

    @Test
    void aGoodCommentGetsNoOpinionNotAnApproval() {
        assertEquals(List.of(), assess(trained(500), FRIENDLY, Fixtures.rules()));
    }

    @Test
    void silentWhileLearningWhenOffAndForStaff() {
        assertEquals(List.of(), assess(trained(29), SPAMMY, Fixtures.rules()));
        assertEquals(List.of(), assess(trained(30), SPAMMY, Fixtures.rulesWith(f -> f.setSpamFilter(false))));
        Submission staff = new Submission(7, null, "Editor", null, null, SPAMMY.text(), null, null, null, null, true);
        assertEquals(List.of(), assess(trained(30), staff, Fixtures.rules()));
    }

    @Test
    void theThresholdsComeFromTheRules() {
        assertEquals(List.of(), assess(trained(30), SPAMMY, Fixtures.rulesWith(f -> f.setSpamHoldPercent(100))));
        assertEquals(Decision.SPAM, assess(trained(500), SPAMMY, Fixtures.rulesWith(f -> {
            f.setSpamHoldPercent(10);
            f.setSpamFilePercent(20);
        })).get(0).decision());
    }

    @Test
    void aScoreOfNearlyOneIsRoundedDownInTheReason() {
        assertEquals("spam filter 0.99", SpamFilterCheck.reason(new org.moderato.spamfilter.SpamScore(0.99999, List.of())));
    }
}
