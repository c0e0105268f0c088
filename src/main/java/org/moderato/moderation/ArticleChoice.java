package org.moderato.moderation;

/** An article in the queue's article filter. */
public record ArticleChoice(long id, String title) {}
