package org.moderato.moderation;

/**
 * What the moderator narrowed the queue to: a view, words to find in the text, the author's name or
 * the article's title, and one article. Blank search is no search.
 */
public record QueueFilter(QueueView view, String search, Long articleId) {

    public static final int SEARCH_MAX = 200;

    public QueueFilter {
        view = view == null ? QueueView.PENDING : view;
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > SEARCH_MAX) {
            search = search.substring(0, SEARCH_MAX);
        }
    }

    public static QueueFilter of(QueueView view) {
        return new QueueFilter(view, null, null);
    }

    public QueueFilter withView(QueueView other) {
        return new QueueFilter(other, search, articleId);
    }

    /** A LIKE pattern for the search, case-folded, with LIKE's own wildcards taken literally (escape '!'). */
    String likePattern() {
        String escaped = search.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }
}
