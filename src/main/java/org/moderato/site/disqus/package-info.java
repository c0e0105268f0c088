/**
 * Importing a Disqus export into one of the sites that embed Moderato: Disqus's threads become the
 * site's page threads (keyed as {@code embed.js} keys them), its posts their comments, through the
 * write path's batch door ({@code comment.CommentImport}).
 */
package org.moderato.site.disqus;
