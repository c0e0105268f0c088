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
    /** To the notifier of illegal content: the notice was received (DSA Art. 16(4)). */
    NOTICE("notice received"),
    /** To the notifier: the decision on their notice (Art. 16(5)). */
    DECISION("decision on a notice"),
    /** To a removed comment's author: the statement of reasons (Art. 17). */
    STATEMENT("statement of reasons"),
    /** Held comments of the last N minutes, to a staff member. */
    DIGEST("digest");

    private final String label;

    MailKind(String label) {
        this.label = label;
    }

    public String label() { return label; }
}
