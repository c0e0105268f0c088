/**
 * Feeds of approved comments, RSS 2.0 and Atom, per article ({@code /articles/{slug}/feed}, WordPress's
 * address) and for the whole site ({@code /comments/feed}): the newest 50, each with its author's name,
 * date, text and permalink, never an address. A plain servlet: a feed is XML, not a Faces page.
 */
package org.moderato.comment.feed;
