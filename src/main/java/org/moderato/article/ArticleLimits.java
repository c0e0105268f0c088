package org.moderato.article;

/** Field limits, shared by the form constraints and the column sizes in {@code sql/}. */
public final class ArticleLimits {
    public static final int TITLE_MAX = 300;
    public static final int SLUG_MAX = 200;
    public static final int BYLINE_MAX = 200;
    public static final int BODY_MAX = 1_000_000;

    private ArticleLimits() {}
}
