package org.moderato.moderation;

import java.util.List;

/**
 * One page of the queue, found by key rather than offset: {@code after} and {@code before} are comment
 * ids, so the next page costs the same at comment 100,000 as at comment 50.
 */
public record QueuePage(List<QueuedComment> comments, boolean hasPrevious, boolean hasNext) {

    /** Where a page starts: after the given id, before it (going back), or at the top when both are null. */
    public record Cursor(Long after, Long before) {
        public static final Cursor FIRST = new Cursor(null, null);

        public static Cursor parse(String after, String before) {
            return new Cursor(id(after), id(before));
        }

        private static Long id(String text) {
            return text != null && text.matches("[1-9]\\d{0,17}") ? Long.valueOf(text) : null;
        }
    }

    /** The id to continue from for the next page; null on an empty page. */
    public Long lastId() {
        return comments.isEmpty() ? null : comments.get(comments.size() - 1).id();
    }

    public Long firstId() {
        return comments.isEmpty() ? null : comments.get(0).id();
    }
}
