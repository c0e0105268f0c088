package org.moderato.comment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Arranges an article's comments the way readers read them: threads of a top-level comment followed
 * by its replies (depth first, oldest first), top-level threads in pages. A reply whose parent is
 * not shown (not approved, or gone) is shown as a top-level comment rather than hidden.
 */
public final class CommentThreads {

    /** A comment in its place on the page. Depth 1 is top level. */
    public record Shown(PublicComment comment, int depth, boolean pending) {}

    /** One page of threads; {@code number} is 1-based, {@code count} is at least 1. */
    public record Page(int number, int count, List<Shown> comments) {}

    private final List<List<Shown>> threads;

    private CommentThreads(List<List<Shown>> threads) {
        this.threads = threads;
    }

    /**
     * @param comments approved comments (and the author's own pending one), in any order
     * @param pendingId the one comment to mark as pending, or null
     */
    public static CommentThreads of(List<PublicComment> comments, Long pendingId, boolean newestFirst) {
        List<PublicComment> sorted = new ArrayList<>(comments);
        sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
        Set<Long> shown = new HashSet<>();
        sorted.forEach(c -> shown.add(c.id()));
        Map<Long, List<PublicComment>> replies = new HashMap<>();
        List<PublicComment> roots = new ArrayList<>();
        for (PublicComment comment : sorted) {
            if (comment.parentId() != null && shown.contains(comment.parentId())) {
                replies.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
            } else {
                roots.add(comment);
            }
        }
        if (newestFirst) {
            Collections.reverse(roots);
        }
        List<List<Shown>> threads = new ArrayList<>(roots.size());
        for (PublicComment root : roots) {
            List<Shown> thread = new ArrayList<>();
            addWithReplies(root, 1, replies, pendingId, thread);
            threads.add(thread);
        }
        return new CommentThreads(threads);
    }

    private static void addWithReplies(PublicComment comment, int depth, Map<Long, List<PublicComment>> replies,
                                       Long pendingId, List<Shown> out) {
        // iterative would avoid deep recursion, but depth is capped by the thread-depth rule (at most 10)
        out.add(new Shown(comment, depth, comment.id().equals(pendingId)));
        for (PublicComment reply : replies.getOrDefault(comment.id(), List.of())) {
            addWithReplies(reply, depth + 1, replies, pendingId, out);
        }
    }

    /** Page {@code requested} (clamped to the pages there are) of {@code perPage} threads; 0 means one page. */
    public Page page(int perPage, int requested) {
        int count = pageCount(perPage);
        int number = Math.max(1, Math.min(requested, count));
        if (perPage <= 0) {
            return new Page(1, 1, flatten(threads));
        }
        int from = (number - 1) * perPage;
        return new Page(number, count, flatten(threads.subList(Math.min(from, threads.size()), Math.min(from + perPage, threads.size()))));
    }

    public int pageCount(int perPage) {
        return perPage <= 0 || threads.isEmpty() ? 1 : (threads.size() + perPage - 1) / perPage;
    }

    /** The page a comment is on, or 0 when it is not among these comments. */
    public int pageOf(long commentId, int perPage) {
        for (int i = 0; i < threads.size(); i++) {
            for (Shown shown : threads.get(i)) {
                if (shown.comment().id() == commentId) {
                    return perPage <= 0 ? 1 : i / perPage + 1;
                }
            }
        }
        return 0;
    }

    private static List<Shown> flatten(List<List<Shown>> threads) {
        List<Shown> all = new ArrayList<>();
        threads.forEach(all::addAll);
        return all;
    }
}
