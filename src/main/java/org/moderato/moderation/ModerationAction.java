package org.moderato.moderation;

import java.util.Arrays;
import java.util.List;
import org.moderato.comment.CommentStatus;

/** The buttons a moderator sees, named as WordPress names them, each a move to one status. */
public enum ModerationAction {
    APPROVE("Approve", CommentStatus.APPROVED, CommentStatus.PENDING),
    UNAPPROVE("Unapprove", CommentStatus.PENDING, CommentStatus.APPROVED),
    NOT_SPAM("Not spam", CommentStatus.PENDING, CommentStatus.SPAM),
    RESTORE("Restore", CommentStatus.PENDING, CommentStatus.TRASH),
    SPAM("Spam", CommentStatus.SPAM, CommentStatus.PENDING, CommentStatus.APPROVED),
    TRASH("Trash", CommentStatus.TRASH, CommentStatus.PENDING, CommentStatus.APPROVED, CommentStatus.SPAM);

    private final String label;
    private final CommentStatus target;
    private final List<CommentStatus> from;

    ModerationAction(String label, CommentStatus target, CommentStatus... from) {
        this.label = label;
        this.target = target;
        this.from = List.of(from);
    }

    public String label() { return label; }
    public CommentStatus target() { return target; }

    /** Lower-case name for element ids and keyboard hooks ("approve", "not-spam"). */
    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static List<ModerationAction> availableFrom(CommentStatus status) {
        return Arrays.stream(values()).filter(a -> a.from.contains(status)).toList();
    }
}
