package org.moderato.rules;

/** What the moderation checks can decide for a comment that was not refused. */
public enum Decision {
    APPROVE,
    HOLD,
    SPAM
}
