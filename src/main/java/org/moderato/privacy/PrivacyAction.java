package org.moderato.privacy;

/** What the privacy log records. */
public enum PrivacyAction {
    /** An admin read one commenter's full address. */
    REVEAL("Address revealed"),
    EXPORT("Comments exported"),
    ERASE("Personal data erased"),
    RETENTION("Retention changed"),
    ANONYMISE("IP addresses anonymised"),
    KEY_ROTATION("Key rotation");

    private final String label;

    PrivacyAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
