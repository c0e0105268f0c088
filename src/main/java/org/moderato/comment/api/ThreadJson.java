package org.moderato.comment.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A thread as the API answers it. {@code id} is null for a page whose thread is not made yet (it is
 * made when its first form token is asked for, if the site allows). {@code count}: approved comments.
 * {@code texts}: what the widget writes, in the language asked for ({@code ?lang=}) or the site's.
 * {@code followUps}: the server sends mail, so the form offers the two "Notify me" boxes the article page has.
 */
public record ThreadJson(Long id, String title, boolean commentsOpen, boolean nameAndEmailRequired, boolean followUps, int threadDepth,
                         long count, int page, int pageCount, List<CommentJson> comments, Map<String, String> texts) {

    /** One comment in its place: depth 1 is top level; {@code html} is exactly what the article page shows. */
    public record CommentJson(long id, Long parentId, int depth, String author, String website, String avatar,
                              Instant createdAt, String html, boolean staff, boolean pending) {}
}
