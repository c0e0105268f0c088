package org.moderato.rules;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The site's comment rules, WordPress's Discussion settings and a few of our own. Defaults match
 * WordPress where it has one. Word lists are kept as the admin typed them, one entry per line.
 */
public record RuleSettings(
        boolean requireNameAndEmail,
        boolean closeOldArticles,
        @Min(value = 1, message = "Enter a number of days from 1 to 36500.") @Max(value = 36500, message = "Enter a number of days from 1 to 36500.") int closeAfterDays,
        @Min(value = 1, message = "Thread depth goes from 1 (no replies) to 10.") @Max(value = 10, message = "Thread depth goes from 1 (no replies) to 10.") int threadDepth,
        @Min(value = 0, message = "Enter 0 (off) or a number of seconds up to 3600.") @Max(value = 3600, message = "Enter 0 (off) or a number of seconds up to 3600.") int floodSeconds,
        @Min(value = 0, message = "Enter 0 (off) or a number of seconds up to 600.") @Max(value = 600, message = "Enter 0 (off) or a number of seconds up to 600.") int formMinSeconds,
        @Min(value = 1, message = "Enter a number of hours from 1 to 720.") @Max(value = 720, message = "Enter a number of hours from 1 to 720.") int formMaxHours,
        boolean botsToSpam,
        boolean manualApproval,
        @NotNull String moderationKeys,
        @NotNull String disallowedKeys,
        @Min(value = 0, message = "Enter 0 (off) or a number of links up to 100.") @Max(value = 100, message = "Enter 0 (off) or a number of links up to 100.") int linkLimit,
        boolean trustApprovedAuthors,
        @Min(value = 1, message = "Enter a number of approved comments from 1 to 100.") @Max(value = 100, message = "Enter a number of approved comments from 1 to 100.") int trustAfterApproved,
        @NotNull Decision defaultDecision,
        @Min(value = 0, message = "Enter 0 (all on one page) or a number of comments from 1 to 1000.") @Max(value = 1000, message = "Enter 0 (all on one page) or a number of comments from 1 to 1000.") int commentsPerPage,
        boolean newestFirst,
        boolean spamFilter,
        @Min(value = 1, message = "Enter a score from 1 to 100.") @Max(value = 100, message = "Enter a score from 1 to 100.") int spamHoldPercent,
        @Min(value = 1, message = "Enter a score from 1 to 100.") @Max(value = 100, message = "Enter a score from 1 to 100.") int spamFilePercent,
        @Min(value = 0, message = "Enter 0 (off) or a number of minutes up to 60.") @Max(value = 60, message = "Enter 0 (off) or a number of minutes up to 60.") int ownEditMinutes) {

    /** The spam filter's thresholds, chosen with {@code bench/spam-filter.sh} (README, "Spam filter"). */
    public static final int DEFAULT_SPAM_HOLD_PERCENT = 50;
    public static final int DEFAULT_SPAM_FILE_PERCENT = 99;

    /** How long an author may edit or delete their own comment: Isso's 15 and Remark42's 5, split. */
    public static final int DEFAULT_OWN_EDIT_MINUTES = 10;

    public static RuleSettings defaults() {
        return new RuleSettings(true, false, 14, 5, 15, 3, 24, false, false, "", "", 2, true, 1, Decision.APPROVE, 50, false,
                true, DEFAULT_SPAM_HOLD_PERCENT, DEFAULT_SPAM_FILE_PERCENT, DEFAULT_OWN_EDIT_MINUTES);
    }

    public KeyList moderationList() {
        return KeyList.of(moderationKeys);
    }

    public KeyList disallowedList() {
        return KeyList.of(disallowedKeys);
    }
}
