package org.moderato.report;

import java.util.Locale;
import java.util.Optional;

/**
 * The grounds a moderator picks from when removing a reported comment: the site's terms, or the law
 * (the DSA's statement of reasons names which, Art. 17(3)(d) and (e)).
 */
public enum RemovalGround {
    ILLEGAL(true, "Illegal content under the law named in the notice"),
    HARASSMENT(false, "Harassment or abuse (the site's comment terms)"),
    HATE(false, "Hateful content (the site's comment terms)"),
    PERSONAL_INFORMATION(false, "Personal information about someone (the site's comment terms)"),
    SPAM(false, "Spam or advertising (the site's comment terms)"),
    OFF_TOPIC(false, "Off topic (the site's comment terms)");

    private final boolean law;
    private final String label;

    RemovalGround(boolean law, String label) {
        this.law = law;
        this.label = label;
    }

    public boolean isLaw() { return law; }
    public String label() { return label; }

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
