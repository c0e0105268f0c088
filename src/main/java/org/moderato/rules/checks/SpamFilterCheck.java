package org.moderato.rules.checks;

import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.moderato.rules.Finding;
import org.moderato.rules.ModerationCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;
import org.moderato.spamfilter.Features;
import org.moderato.spamfilter.SpamClassifier;
import org.moderato.spamfilter.SpamModel;
import org.moderato.spamfilter.SpamScore;

/**
 * The site's own spam filter: holds a comment that scores at or above the hold threshold and files
 * it as spam at or above the spam threshold, naming the score and the features that weighed most
 * ("spam filter 0.97: 'casino', 'bonus', link to x.example"). Silent while it is off, while it has
 * learnt from fewer than {@value SpamModel#LEARN_BEFORE_JUDGING} comments of each kind, for staff,
 * and below the hold threshold: a low score is no reason to approve. Until it has learnt from
 * {@value SpamModel#LEARN_BEFORE_FILING} of each, a spam score only holds.
 */
public class SpamFilterCheck implements ModerationCheck {

    static final int CLUES_SHOWN = 3;

    private final Supplier<SpamModel> model;

    public SpamFilterCheck(Supplier<SpamModel> model) {
        this.model = model;
    }

    @Override
    public List<Finding> assess(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        if (!rules.spamFilter() || submission.staff()) {
            return List.of();
        }
        SpamModel current = model.get();
        if (!current.hasLearntEnough()) {
            return List.of();
        }
        SpamScore score = SpamClassifier.score(current, Features.of(submission.author(), submission.website(), submission.text()));
        double percent = score.probability() * 100;
        if (percent >= rules.spamFilePercent() && current.hasLearntEnoughToFile()) {
            return List.of(Finding.spam(reason(score)));
        }
        if (percent >= rules.spamHoldPercent()) {
            return List.of(Finding.hold(reason(score)));
        }
        return List.of();
    }

    static String reason(SpamScore score) {
        String clues = score.spamClues(CLUES_SHOWN).stream()
                .map(clue -> Features.describe(clue.feature()))
                .collect(Collectors.joining(", "));
        // two decimals rounded down, so 0.996 never reads as a certain 1.00
        String shown = String.format(Locale.ROOT, "%.2f", Math.floor(score.probability() * 100) / 100);
        return "spam filter " + shown + (clues.isEmpty() ? "" : ": " + clues);
    }
}
