package org.moderato.spamfilter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The arithmetic of SpamBayes and bogofilter. Each feature gets Robinson's probability f(w): the
 * share of spam among comments with it, pulled towards {@link #UNKNOWN_PROBABILITY} when it was seen
 * rarely. The {@link #MAX_CLUES} features furthest from 0.5 (ignoring those within
 * {@link #MIN_DEVIATION} of it) are combined with Fisher's chi-square method, once for spam and once
 * for good, and the score is {@code (S - H + 1) / 2}: near 0 or 1 when the clues agree, near 0.5 when
 * they conflict or are few, which is what the hold band is for.
 */
public final class SpamClassifier {

    /**
     * Robinson's s: how many comments' worth of weight the prior has. 1 (Robinson's suggestion) rather
     * than SpamBayes's 0.45: fewer legitimate messages filed as spam in the benchmark, for a little recall.
     */
    static final double STRENGTH = 1.0;
    /** Robinson's x: what an unseen feature says. */
    static final double UNKNOWN_PROBABILITY = 0.5;
    static final double MIN_DEVIATION = 0.1;
    static final int MAX_CLUES = 150;

    private SpamClassifier() {}

    /**
     * Robinson's f(w) for a feature seen in {@code spam} of {@code spamMessages} spam comments and
     * {@code good} of {@code goodMessages} good ones.
     */
    public static double featureProbability(int spam, int good, int spamMessages, int goodMessages) {
        double spamRatio = spam / (double) Math.max(1, spamMessages);
        double goodRatio = good / (double) Math.max(1, goodMessages);
        int seen = spam + good;
        if (seen == 0) {
            return UNKNOWN_PROBABILITY;
        }
        double p = spamRatio / (spamRatio + goodRatio);
        return (STRENGTH * UNKNOWN_PROBABILITY + seen * p) / (STRENGTH + seen);
    }

    /** Fisher's combining of the clues' probabilities; 0.5 when there are none. */
    public static double combine(List<Double> probabilities) {
        if (probabilities.isEmpty()) {
            return 0.5;
        }
        double lnSpam = 0;
        double lnGood = 0;
        for (double p : probabilities) {
            lnSpam += Math.log(1 - p);
            lnGood += Math.log(p);
        }
        int degrees = 2 * probabilities.size();
        double s = 1 - chiSquareSurvival(-2 * lnSpam, degrees);
        double h = 1 - chiSquareSurvival(-2 * lnGood, degrees);
        return (s - h + 1) / 2;
    }

    /**
     * P(X ≥ chi2) for a chi-square variable with an even number of degrees of freedom, by the series
     * e^-m · Σ m^i / i! (i below degrees/2, m = chi2/2), as SpamBayes computes it.
     */
    static double chiSquareSurvival(double chi2, int degrees) {
        double m = chi2 / 2;
        double term = Math.exp(-m);
        double sum = term;
        for (int i = 1; i < degrees / 2; i++) {
            term *= m / i;
            sum += term;
        }
        return Math.min(sum, 1.0);
    }

    /** Scores a comment's features against the model. */
    public static SpamScore score(SpamModel model, List<String> features) {
        return model.read(m -> {
            int spamMessages = m.spamMessages();
            int goodMessages = m.goodMessages();
            List<SpamScore.Clue> clues = new ArrayList<>();
            for (String feature : features) {
                SpamModel.Counts counts = m.counts(feature);
                double p = featureProbability(counts.spam(), counts.good(), spamMessages, goodMessages);
                if (Math.abs(p - 0.5) >= MIN_DEVIATION) {
                    clues.add(new SpamScore.Clue(feature, clamp(p)));
                }
            }
            clues.sort(Comparator.comparingDouble((SpamScore.Clue c) -> Math.abs(c.probability() - 0.5)).reversed());
            List<SpamScore.Clue> strongest = clues.subList(0, Math.min(MAX_CLUES, clues.size()));
            return new SpamScore(combine(strongest.stream().map(SpamScore.Clue::probability).toList()), strongest);
        });
    }

    /** Keeps log(p) and log(1 - p) finite. */
    private static double clamp(double p) {
        return Math.min(0.9999, Math.max(0.0001, p));
    }
}
