package org.moderato.spamfilter;

/** The two classes the filter learns: comments the moderators approved, and comments they marked spam. */
public enum Label {
    GOOD,
    SPAM
}
