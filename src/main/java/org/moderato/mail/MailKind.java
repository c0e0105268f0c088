package org.moderato.mail;

/** What a queued message is, as the outbox page lists it. */
public enum MailKind {
    /** The double opt-in's one mail: "confirm you want notifications". */
    CONFIRM("confirmation"),
    /** A new public comment on a thread someone subscribed to. */
    NOTIFY("notification"),
    /** "Your comment was approved", to its author. */
    APPROVED("approved"),
    /** A comment held for moderation, to a staff member at once. */
    HELD("held comment"),
    /** A reader's report of a public comment, to a staff member at once. */
    REPORTED("reported comment"),
    /** Held comments of the last N minutes, to a staff member. */
    DIGEST("digest");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
