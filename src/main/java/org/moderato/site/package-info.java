/**
 * Sites: other people's pages that embed Moderato's threads ({@code embed.js}). Owns the site entity
 * (a name, the origins allowed to embed, whether threads are made on first use), the origin rules
 * the API's CORS answers follow, and the threads of embedded pages, which are article rows like any
 * other so the queue, rules, privacy tools and exports work on them unchanged. Depends on
 * {@code article}; the API ({@code comment.api}) depends on this, never the reverse.
 */
package org.moderato.site;
