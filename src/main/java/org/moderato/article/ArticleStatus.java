package org.moderato.article;

/** Draft or published; a published article whose date is still ahead is "scheduled" and hidden until then. */
public enum ArticleStatus {
    DRAFT,
    PUBLISHED
}
