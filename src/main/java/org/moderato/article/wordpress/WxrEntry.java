package org.moderato.article.wordpress;

import java.time.Instant;

/** What a WXR file holds, in file order: the site once, then each item followed by its comments. */
public sealed interface WxrEntry {

    /** The channel: which WordPress site the file comes from. */
    record Site(String title, String baseSiteUrl, String baseBlogUrl, String wxrVersion) implements WxrEntry {

        /** The key imports are matched on: the blog URL, without a trailing slash. */
        public String key() {
            String url = baseBlogUrl != null && !baseBlogUrl.isBlank() ? baseBlogUrl : baseSiteUrl;
            url = url.strip();
            return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        }
    }

    /** A post, page, attachment or other item; {@code type} and {@code status} as WordPress names them. */
    record Item(long postId, String type, String status, String title, String slug, String creator,
                Instant date, String content, boolean commentsOpen) implements WxrEntry {}

    /** A comment of the item before it; {@code approved} is "1", "0", "spam", "trash", ... */
    record Comment(long postId, long commentId, String author, String email, String url, String ip,
                   Instant date, String content, String approved, String type, long parent) implements WxrEntry {}
}
