package org.moderato.moderation;

import java.util.List;
import java.util.Locale;
import org.moderato.comment.CommentStatus;

/**
 * The queue's tabs, as WordPress has them: "All" is what is not spam or trash. Pending is worked
 * oldest first (the longest-waiting reader goes first); the others read newest first.
 */
public enum QueueView {
    PENDING("Pending", List.of(CommentStatus.PENDING)),
    APPROVED("Approved", List.of(CommentStatus.APPROVED)),
    SPAM("Spam", List.of(CommentStatus.SPAM)),
    TRASH("Trash", List.of(CommentStatus.TRASH)),
    ALL("All", List.of(CommentStatus.PENDING, CommentStatus.APPROVED));

    private final String label;
    private final List<CommentStatus> statuses;

    QueueView(String label, List<CommentStatus> statuses) {
        this.label = label;
        this.statuses = statuses;
    }

    public String label() { return label; }
    public List<CommentStatus> statuses() { return statuses; }
    public boolean oldestFirst() { return this == PENDING; }

    /** The value of {@code ?status=} and the suffix of the tab's element id. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The view named by {@code ?status=}, pending when it names none. */
    public static QueueView fromKey(String key) {
        for (QueueView view : values()) {
            if (view.key().equalsIgnoreCase(key == null ? "" : key.strip())) {
                return view;
            }
        }
        return PENDING;
    }
}
