package org.moderato.spamfilter.training;

import org.moderato.comment.CommentStatus;
import org.moderato.spamfilter.Label;

/** One comment learnt ({@code delta} 1) or unlearnt (-1) as good or spam. */
record Lesson(int[] hashes, Label label, int delta) {

    /** What the filter learns from a status: approved is good, spam is spam, pending and trash teach nothing. */
    static Label labelOf(CommentStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case APPROVED -> Label.GOOD;
            case SPAM -> Label.SPAM;
            case PENDING, TRASH -> null;
        };
    }
}
