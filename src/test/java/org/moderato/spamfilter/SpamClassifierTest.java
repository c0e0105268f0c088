package org.moderato.spamfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The arithmetic on small cases worked by hand (s = 1, x = 0.5). */
class SpamClassifierTest {

    @Test
    void robinsonsProbabilityPullsARarelySeenFeatureTowardsTheMiddle() {
        // in 3 of 10 spam and 1 of 10 good: p = 0.3 / (0.3 + 0.1) = 0.75; f = (1 * 0.5 + 4 * 0.75) / (1 + 4) = 0.7
        assertEquals(0.7, SpamClassifier.featureProbability(3, 1, 10, 10), 1e-12);
        // seen once, in spam only: p = 1; f = (0.5 + 1) / 2 = 0.75
        assertEquals(0.75, SpamClassifier.featureProbability(1, 0, 10, 10), 1e-12);
        // never seen: x
        assertEquals(0.5, SpamClassifier.featureProbability(0, 0, 10, 10), 1e-12);
        // the same share in classes of different sizes: 2 of 4 spam and 5 of 10 good say nothing
        assertEquals(0.5, SpamClassifier.featureProbability(2, 5, 4, 10), 1e-12);
    }

    @Test
    void oneClueIsItsOwnScore() {
        // S = 1 - e^(ln 0.1) = 0.9; H = 1 - e^(ln 0.9) = 0.1; (0.9 - 0.1 + 1) / 2 = 0.9
        assertEquals(0.9, SpamClassifier.combine(List.of(0.9)), 1e-12);
    }

    @Test
    void twoAgreeingCluesAreSurerThanOne() {
        // S = 1 - 0.01 * (1 + 4.60517) = 0.9439483; H = 1 - 0.81 * (1 + 0.2107210) = 0.0193160
        assertEquals((0.9439483 - 0.0193160 + 1) / 2, SpamClassifier.combine(List.of(0.9, 0.9)), 1e-7);
    }

    @Test
    void conflictingOrMissingCluesGiveTheMiddle() {
        assertEquals(0.5, SpamClassifier.combine(List.of(0.9, 0.1)), 1e-12);
        assertEquals(0.5, SpamClassifier.combine(List.of()), 1e-12);
    }

    @Test
    void chiSquareSurvivalMatchesTheClosedFormForTwoAndFourDegrees() {
        assertEquals(Math.exp(-1.5), SpamClassifier.chiSquareSurvival(3, 2), 1e-12);
        assertEquals(Math.exp(-1.5) * 2.5, SpamClassifier.chiSquareSurvival(3, 4), 1e-12);
    }

    @Test
    void aScoreUsesOnlyCluesAwayFromTheMiddleAndNamesThem() {
        SpamModel model = new SpamModel();
        for (int i = 0; i < 10; i++) {
            model.train(hashes("casino", "the"), Label.SPAM, 1);
            model.train(hashes("article", "the"), Label.GOOD, 1);
        }
        SpamScore score = SpamClassifier.score(model, List.of("casino", "the", "unseen"));
        // 'the' (0.5) and 'unseen' (0.5) are no clues; 'casino' in 10 of 10 spam: f = (0.5 + 10) / 11
        assertEquals(List.of(new SpamScore.Clue("casino", 10.5 / 11)), score.clues());
        assertEquals(10.5 / 11, score.probability(), 1e-12);
        assertTrue(SpamClassifier.score(model, List.of("article")).probability() < 0.1);
    }

    private static int[] hashes(String... features) {
        return java.util.Arrays.stream(features).mapToInt(FeatureHash::of).toArray();
    }
}
