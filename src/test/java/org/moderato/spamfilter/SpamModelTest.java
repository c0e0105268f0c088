package org.moderato.spamfilter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpamModelTest {

    @Test
    void learningAndUnlearningACommentLeavesTheCountsAsTheyWere() {
        SpamModel model = new SpamModel();
        int[] casino = {FeatureHash.of("casino"), FeatureHash.of("bonus")};
        model.train(casino, Label.SPAM, 1);
        model.train(casino, Label.SPAM, 1);
        model.train(new int[] {FeatureHash.of("casino")}, Label.GOOD, 1);
        assertEquals(new SpamModel.Counts(2, 1), model.counts("casino"));
        assertEquals(2, model.spamMessages());
        assertEquals(1, model.goodMessages());

        model.train(casino, Label.SPAM, -1);
        assertEquals(new SpamModel.Counts(1, 1), model.counts("casino"));
        assertEquals(new SpamModel.Counts(1, 0), model.counts("bonus"));
        assertEquals(1, model.spamMessages());
    }

    @Test
    void countsNeverGoBelowZeroAndUnknownFeaturesAreNotAdded() {
        SpamModel model = new SpamModel();
        model.train(new int[] {FeatureHash.of("never")}, Label.SPAM, -1);
        assertEquals(new SpamModel.Counts(0, 0), model.counts("never"));
        assertEquals(0, model.features());
        assertEquals(0, model.spamMessages());
    }

    @Test
    void theTableGrowsAndKeepsEveryFeature() {
        SpamModel model = new SpamModel();
        for (int i = 2; i < 10_002; i++) {
            model.train(new int[] {i}, i % 2 == 0 ? Label.SPAM : Label.GOOD, 1);
        }
        assertEquals(10_000, model.features());
        assertEquals(new SpamModel.Counts(1, 0), model.counts(4242));
        assertEquals(new SpamModel.Counts(0, 1), model.counts(4243));
        // 16,384 slots of 12 bytes, under 3/4 full
        assertEquals(16_384 * 12, model.bytes());
    }

    @Test
    void itJudgesFromThirtyOfEachAndFilesFromFiveHundred() {
        SpamModel model = new SpamModel();
        model.setMessages(30, 29);
        assertFalse(model.hasLearntEnough());
        model.setMessages(30, 30);
        assertTrue(model.hasLearntEnough());
        assertFalse(model.hasLearntEnoughToFile());
        model.setMessages(500, 500);
        assertTrue(model.hasLearntEnoughToFile());
    }
}
