package org.moderato.site.disqus;

/** What a Disqus import did, counted as it went. */
public final class DisqusSummary {

    int threads;
    int threadsBefore;
    int threadsElsewhere;
    int threadsDeleted;
    int threadsWithoutComments;
    int comments;
    int commentsBefore;
    int spam;
    int deleted;
    int orphans;
    int unreadable;

    public int threads() { return threads; }
    public int comments() { return comments; }

    /** "12 comments on 3 pages (2 new), 1 spam, ..." as the admin reads it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        text.append(comments).append(comments == 1 ? " comment" : " comments").append(" imported on ")
                .append(threads + threadsBefore).append(threads + threadsBefore == 1 ? " page" : " pages")
                .append(" (").append(threads).append(" new)");
        if (spam > 0) {
            text.append(", ").append(spam).append(" of them in Spam");
        }
        if (deleted > 0) {
            text.append(", ").append(deleted).append(" deleted on Disqus, kept in Trash");
        }
        text.append('.');
        return text.toString();
    }

    /** What was left out, and why; empty when nothing was. */
    public String notes() {
        StringBuilder text = new StringBuilder();
        note(text, commentsBefore, "already imported before");
        note(text, threadsElsewhere, "pages with no place here skipped (on another origin, or no article with that slug)");
        note(text, threadsDeleted, "pages deleted on Disqus skipped");
        note(text, threadsWithoutComments, "pages without comments not made");
        note(text, orphans, "comments of skipped or unknown pages left out");
        note(text, unreadable, "threads or comments without a Disqus id left out");
        return text.toString();
    }

    private static void note(StringBuilder text, int count, String what) {
        if (count > 0) {
            text.append(text.isEmpty() ? "" : "; ").append(count).append(' ').append(what);
        }
    }
}
