package org.moderato.report;

import java.util.Locale;
import java.util.Optional;

/** Why a reader reports a comment, as the report form offers it; {@link #ILLEGAL} is a DSA notice. */
public enum ReportReason {
    SPAM("Spam", "spam"),
    HARASSMENT("Harassment or abuse", "harassment"),
    HATE("Hate", "hate"),
    PERSONAL_INFORMATION("Personal information about someone", "personal information"),
    OFF_TOPIC("Off topic", "off topic"),
    ILLEGAL("Illegal content", "illegal content");

    private final String label;
    private final String shortName;

    ReportReason(String label, String shortName) {
        this.label = label;
        this.shortName = shortName;
    }

    /** What the form shows. */
    public String label() { return label; }

    /** What the moderator's reason line says ("harassment ×2"). */
    public String shortName() { return shortName; }

    /** The form's value ("personal-information"). */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public boolean isNotice() {
        return this == ILLEGAL;
    }

    public static Optional<ReportReason> fromKey(String key) {
        for (ReportReason reason : values()) {
            if (reason.key().equals(key)) {
                return Optional.of(reason);
            }
        }
        return Optional.empty();
    }
}
