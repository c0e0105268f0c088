package org.moderato.comment;

import java.util.EnumSet;
import java.util.Set;

/** Where a comment stands, and which moves a moderator may make from each status. */
public enum CommentStatus {
    PENDING,
    APPROVED,
    SPAM,
    TRASH;

    /** Legal moves: spam and trash are left only by going back to the queue ("Not spam", "Restore"). */
    public Set<CommentStatus> nextStatuses() {
        return switch (this) {
            case PENDING -> EnumSet.of(APPROVED, SPAM, TRASH);
            case APPROVED -> EnumSet.of(PENDING, SPAM, TRASH);
            case SPAM -> EnumSet.of(PENDING, TRASH);
            case TRASH -> EnumSet.of(PENDING);
        };
    }

    public boolean canMoveTo(CommentStatus next) {
        return nextStatuses().contains(next);
    }

    /** Permanent deletion is the last step after spam or trash, never a shortcut from the queue. */
    public boolean canBeDeletedPermanently() {
        return this == SPAM || this == TRASH;
    }

    public boolean isPublic() {
        return this == APPROVED;
    }
}
