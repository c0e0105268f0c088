package org.moderato.comment;

/**
 * Comments were written in bulk, around the entities (an import through JDBC): state derived from
 * comments must be rebuilt rather than followed comment by comment. Fired after the import committed.
 */
public record CommentsImported(int comments) {}
