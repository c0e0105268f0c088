package org.moderato.report;

import java.util.Locale;

/**
 * What was decided about a reported comment. {@link #label()} is the staff's (English) word; readers read
 * the reader bundle's {@code notice.outcome.KEY} and mails {@code mail.outcome.KEY}.
 */
public enum DecisionOutcome {
    /** The threshold sent it back to the queue: the one automated decision. */
    HELD("held for review"),
    /** A moderator kept it: the reports are closed and do not count again. */
    DISMISSED("reports dismissed, comment kept"),
    /** A moderator trashed it: readers no longer see it. */
    REMOVED("removed"),
    /** A moderator filed it as spam: readers no longer see it. */
    SPAM("removed as spam");

    private final String label;

    DecisionOutcome(String label) {
        this.label = label;
    }

    public String label() { return label; }

    /** The bundles' key: "removed", "spam". */
    public String key() { return name().toLowerCase(Locale.ROOT); }

    /** A removal is what the author is owed a statement of reasons for. */
    public boolean isRemoval() {
        return this == REMOVED || this == SPAM;
    }
}
