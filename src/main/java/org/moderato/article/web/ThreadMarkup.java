package org.moderato.article.web;

import java.util.ArrayList;
import java.util.List;
import org.moderato.comment.CommentThreads;
import org.moderato.comment.PublicComment;

/**
 * A page of comments as WordPress's {@code Walker_Comment} marks it up: {@code ol.comment-list}, each
 * comment an {@code li} with WordPress's classes, its replies in an {@code ol.children} inside it, so
 * themes' CSS and screen readers (a nested list is a tree) see a thread.
 *
 * <p>Like the walker, the list's tags come as a flat sequence around each comment's body rather than
 * as a recursive template: the reply form can then be put inside the {@code li} of the comment replied
 * to, between its body and its replies, while the form is built once per page. The markup here holds
 * only ids, numbers and fixed class names, never reader input.
 */
public final class ThreadMarkup {

    /** One comment: the tags to write before its body (closing the previous comment, opening its own {@code li}). */
    public record Item(String opening, PublicComment comment, int depth, boolean pending) {}

    private final List<Item> items;
    private final String closing;

    private ThreadMarkup(List<Item> items, String closing) {
        this.items = items;
        this.closing = closing;
    }

    /**
     * @param shown a page of comments in reading order, depth first (as {@link CommentThreads} gives them)
     * @param articleAuthor the article's byline: a staff reply under that name is the post author's
     */
    public static ThreadMarkup of(List<CommentThreads.Shown> shown, String articleAuthor) {
        List<Item> items = new ArrayList<>(shown.size());
        int previousDepth = 0;
        int threadIndex = 0;
        for (int i = 0; i < shown.size(); i++) {
            CommentThreads.Shown s = shown.get(i);
            int nextDepth = i + 1 < shown.size() ? shown.get(i + 1).depth() : 0;
            StringBuilder opening = new StringBuilder(previousDepth == 0 ? "<ol class=\"comment-list\">" : between(previousDepth, s.depth()));
            opening.append("<li id=\"comment-").append(s.comment().id()).append("\" class=\"")
                    .append(classes(s, i, s.depth() == 1 ? threadIndex++ : -1, nextDepth > s.depth(), articleAuthor))
                    .append("\" data-depth=\"").append(s.depth()).append("\">");
            items.add(new Item(opening.toString(), s.comment(), s.depth(), s.pending()));
            previousDepth = s.depth();
        }
        return new ThreadMarkup(items, previousDepth == 0 ? "" : between(previousDepth, 1) + "</li></ol>");
    }

    /** From the body of a comment at {@code from} to the {@code li} of the next one, at {@code to}. */
    private static String between(int from, int to) {
        if (to > from) {
            return "<ol class=\"children\">";
        }
        return "</li>" + "</ol></li>".repeat(from - to);
    }

    /** In {@code get_comment_class}'s order; even/odd counts every comment on the page, thread-even/odd the top-level ones. */
    private static String classes(CommentThreads.Shown s, int index, int threadIndex, boolean parent, String articleAuthor) {
        StringBuilder classes = new StringBuilder("comment");
        PublicComment comment = s.comment();
        if (comment.staff()) {
            classes.append(" byuser comment-by-staff");
            if (comment.authorName().equals(articleAuthor)) {
                classes.append(" bypostauthor");
            }
        }
        classes.append(index % 2 == 0 ? " even" : " odd alt");
        if (threadIndex >= 0) {
            classes.append(threadIndex % 2 == 0 ? " thread-even" : " thread-odd thread-alt");
        }
        classes.append(" depth-").append(s.depth());
        if (parent) {
            classes.append(" parent");
        }
        if (s.pending()) {
            classes.append(" comment-pending");
        }
        return classes.toString();
    }

    /** The comments up to and including {@code lastBeforeForm} (all of them when it is null or not among them). */
    public List<Item> upTo(Long lastBeforeForm) {
        return items.subList(0, split(lastBeforeForm));
    }

    /** The comments after {@code lastBeforeForm}. */
    public List<Item> after(Long lastBeforeForm) {
        return items.subList(split(lastBeforeForm), items.size());
    }

    /** The tags that close the list after the last comment. */
    public String closing() {
        return closing;
    }

    private int split(Long lastBeforeForm) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).comment().id().equals(lastBeforeForm)) {
                return i + 1;
            }
        }
        return items.size();
    }
}
