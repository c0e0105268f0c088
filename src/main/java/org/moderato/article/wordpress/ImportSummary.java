package org.moderato.article.wordpress;

import java.util.ArrayList;
import java.util.List;

/** What an import did, counted as it went, and the one-line summary the admin reads. */
public final class ImportSummary {

    String site;
    int articles;
    int drafts;
    int articlesBefore;
    int comments;
    int commentsBefore;
    int pages;
    int attachments;
    int otherItems;
    int pingbacks;
    int trackbacks;
    int otherComments;
    int commentsOfSkippedItems;
    int renamed;

    public String site() { return site; }
    public int articles() { return articles; }
    public int drafts() { return drafts; }
    public int articlesBefore() { return articlesBefore; }
    public int comments() { return comments; }
    public int commentsBefore() { return commentsBefore; }
    public int pages() { return pages; }
    public int attachments() { return attachments; }
    public int pingbacks() { return pingbacks; }
    public int trackbacks() { return trackbacks; }
    public int renamed() { return renamed; }

    public boolean nothingNew() {
        return articles == 0 && comments == 0;
    }

    /** "1 article, 200 comments imported; 2 pages, 1 attachment skipped", or why nothing was. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (nothingNew() && (articlesBefore > 0 || commentsBefore > 0)) {
            text.append("Nothing new to import: ").append(count(articlesBefore, "article")).append(" and ")
                    .append(count(commentsBefore, "comment")).append(" from ").append(site).append(" were imported before");
        } else {
            text.append(count(articles, "article")).append(", ").append(count(comments, "comment")).append(" imported");
            if (articlesBefore > 0 || commentsBefore > 0) {
                text.append(" (").append(count(articlesBefore, "article")).append(", ").append(count(commentsBefore, "comment"))
                        .append(" already here)");
            }
        }
        List<String> skipped = new ArrayList<>();
        add(skipped, pages, "page");
        add(skipped, attachments, "attachment");
        add(skipped, otherItems, "other item");
        add(skipped, pingbacks, "pingback");
        add(skipped, trackbacks, "trackback");
        add(skipped, otherComments, "comment of another type", "comments of another type");
        add(skipped, commentsOfSkippedItems, "comment on a page or attachment", "comments on pages or attachments");
        if (!skipped.isEmpty()) {
            text.append("; ").append(String.join(", ", skipped)).append(" skipped");
        }
        return text.append('.').toString();
    }

    /** Details worth a second line: drafts kept hidden, addresses that had to change. */
    public String notes() {
        List<String> notes = new ArrayList<>();
        if (drafts > 0) {
            notes.add(count(drafts, "draft") + " imported as " + (drafts == 1 ? "a draft" : "drafts") + ", hidden from readers");
        }
        if (renamed > 0) {
            notes.add(count(renamed, "article") + " got a new slug because " + (renamed == 1 ? "its" : "their")
                    + " slug was taken");
        }
        return notes.isEmpty() ? "" : String.join("; ", notes) + ".";
    }

    private static void add(List<String> list, int n, String singular) {
        add(list, n, singular, singular + "s");
    }

    private static void add(List<String> list, int n, String singular, String plural) {
        if (n > 0) {
            list.add(n + " " + (n == 1 ? singular : plural));
        }
    }

    private static String count(int n, String singular) {
        return n + " " + (n == 1 ? singular : singular + "s");
    }
}
