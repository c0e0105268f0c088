package org.moderato.moderation;

import java.time.Duration;
import java.time.Instant;
import org.moderato.comment.CommentStatus;

/** How the desk words what happened to a comment: "approved by alice 5 s ago". */
public final class Wording {

    private Wording() {}

    public static String statusName(CommentStatus status) {
        return switch (status) {
            case PENDING -> "pending";
            case APPROVED -> "approved";
            case SPAM -> "spam";
            case TRASH -> "trash";
        };
    }

    /** A move in the past tense; from == to is an edit of the text. */
    public static String pastTense(CommentStatus from, CommentStatus to) {
        if (from == to) {
            return "edited";
        }
        return switch (to) {
            case APPROVED -> "approved";
            case SPAM -> "marked as spam";
            case TRASH -> "moved to the trash";
            case PENDING -> from == CommentStatus.SPAM ? "marked as not spam"
                    : from == CommentStatus.TRASH ? "restored" : "unapproved";
        };
    }

    /** "just now", "5 s ago", "3 min ago", "2 h ago", "4 days ago". */
    public static String ago(Instant then, Instant now) {
        long seconds = Math.max(0, Duration.between(then, now).getSeconds());
        if (seconds < 1) {
            return "just now";
        }
        if (seconds < 60) {
            return seconds + " s ago";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min ago";
        }
        if (seconds < 48 * 3600) {
            return seconds / 3600 + " h ago";
        }
        return seconds / 86400 + " days ago";
    }
}
