package org.moderato.article;

/** Field limits, shared by the form constraints and the column sizes in {@code sql/}. */
public final class ArticleLimits {
    public static final int TITLE_MAX = 300;
    public static final int SLUG_MAX = 200;
    public static final int BYLINE_MAX = 200;
    public static final int BODY_MAX = 1_000_000;
    /** An embedded page's key: a prefix and a URL or id of at most {@link #PAGE_REF_MAX}. */
    public static final int PAGE_REF_MAX = 500;
    public static final int PAGE_KEY_MAX = 520;

    private ArticleLimits() {}
}
