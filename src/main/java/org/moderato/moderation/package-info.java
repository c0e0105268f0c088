/**
 * The moderator's desk: {@code ModerationQueue} reads (views, key-based pages, live counts, one
 * comment's history) and {@code ModerationService} changes (moves, bulk, undo, permanent deletion,
 * staff replies, edits), each checked against the version the moderator saw and recorded as a history
 * row. Both check the caller's role themselves, not only the URL.
 */
package org.moderato.moderation;
