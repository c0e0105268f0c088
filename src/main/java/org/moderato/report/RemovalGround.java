package org.moderato.report;

import java.util.Locale;
import java.util.Optional;
import org.moderato.platform.ReaderTexts;

/**
 * The grounds a moderator picks from when removing a reported comment: the site's terms, or the law
 * (the DSA's statement of reasons names which, Art. 17(3)(d) and (e)).
 */
public enum RemovalGround {
    ILLEGAL(true), HARASSMENT(false), HATE(false), PERSONAL_INFORMATION(false), SPAM(false), OFF_TOPIC(false);

    private final boolean law;

    RemovalGround(boolean law) {
        this.law = law;
    }

    public boolean isLaw() { return law; }

    /**
     * In English, as the moderator picks it and as the decision stores it: the statement page shows it in
     * the reader's language by this English text (the bundle's {@code report.ground.KEY}).
     */
    public String label() { return ReaderTexts.words(Locale.ENGLISH).text("report.ground." + key()); }

    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<RemovalGround> fromKey(String key) {
        for (RemovalGround ground : values()) {
            if (ground.key().equals(key)) {
                return Optional.of(ground);
            }
        }
        return Optional.empty();
    }
}
