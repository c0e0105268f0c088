package org.moderato.article;

import java.time.Instant;

/** One line of the front page: an article and how many approved comments it has. */
public record ArticleSummary(String slug, String title, Instant publishedAt, long replies) {}
