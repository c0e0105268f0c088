/**
 * The import page: one upload for every format a publisher brings (a WordPress WXR export, a Disqus
 * export), recognised by the file's first element and handed to the feature that reads it
 * ({@code article.wordpress}, {@code site.disqus}). Depends on those; nothing depends on it.
 */
package org.moderato.imports;
