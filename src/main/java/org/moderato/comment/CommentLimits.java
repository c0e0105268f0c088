package org.moderato.comment;

/** Field limits, WordPress's own, shared by the constraints and the column sizes in {@code sql/}. */
public final class CommentLimits {
    public static final int NAME_MAX = 245;
    public static final int EMAIL_MAX = 100;
    public static final int WEBSITE_MAX = 200;
    public static final int BODY_MAX_BYTES = 65_525;
    public static final int USER_AGENT_MAX = 512;

    private CommentLimits() {}
}
