package org.moderato.spamfilter;

import java.util.Comparator;
import java.util.List;

/**
 * A comment's spam score from 0 (surely good) to 1 (surely spam), and the clues it was made of,
 * most telling first.
 */
public record SpamScore(double probability, List<Clue> clues) {

    /** One feature and the probability that a comment with it is spam. */
    public record Clue(String feature, double probability) {}

    public SpamScore {
        clues = List.copyOf(clues);
    }

    /** The clues that pushed towards spam, the strongest first. */
    public List<Clue> spamClues(int limit) {
        return clues.stream()
                .filter(c -> c.probability() > 0.5)
                .sorted(Comparator.comparingDouble(Clue::probability).reversed())
                .limit(limit)
                .toList();
    }
}
