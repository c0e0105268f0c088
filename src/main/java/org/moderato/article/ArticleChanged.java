package org.moderato.article;

/** An article was created or changed (text, address, visibility, comments open); delivered after commit. */
public record ArticleChanged(long articleId) {}
