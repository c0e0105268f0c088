package org.moderato.report;

import java.util.Locale;
import java.util.Optional;
import org.moderato.platform.ReaderTexts;

/**
 * Why a reader reports a comment, as the report form offers it; {@link #ILLEGAL} is a DSA notice. Its
 * words are the reader bundle's ({@code report.reason.KEY}, {@code report.short.KEY}); staff read the English.
 */
public enum ReportReason {
    SPAM, HARASSMENT, HATE, PERSONAL_INFORMATION, OFF_TOPIC, ILLEGAL;

    private static final ReaderTexts.Words ENGLISH = ReaderTexts.words(Locale.ENGLISH);

    /** What the form shows, in English (the staff's pages). */
    public String label() { return label(ENGLISH); }

    public String label(ReaderTexts.Words words) { return words.text("report.reason." + key()); }

    /** What the moderator's reason line says ("harassment ×2"). */
    public String shortName() { return shortName(ENGLISH); }

    public String shortName(ReaderTexts.Words words) { return words.text("report.short." + key()); }

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
