package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ApprovedListsTest {

    private static final long ARTICLE = 7;
    private static final Instant T0 = Instant.parse("2026-12-03T10:00:00.123456Z");

    private final ApprovedLists lists = new ApprovedLists();
    private final AtomicInteger reads = new AtomicInteger();
    /** What the database holds: the reads below answer from it. */
    private final List<PublicComment> stored = new ArrayList<>();

    private static PublicComment comment(long id) {
        return new PublicComment(id, null, "Reader " + id, null, "Comment " + id, T0.plusSeconds(id), false);
    }

    private Supplier<CommentService.Approved> database() {
        return () -> {
            reads.incrementAndGet();
            List<PublicComment> sorted = stored.stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
            Instant last = sorted.isEmpty() ? null : sorted.get(sorted.size() - 1).createdAt();
            long newest = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).id();
            return new CommentService.Approved(sorted, new CommentsState(sorted.size(), sorted.size(), newest, last));
        };
    }

    private CommentService.Approved read() {
        return lists.get(ARTICLE, database());
    }

    /** A submission the rules approved, committed: in the database, then announced. */
    private void approve(long id) {
        stored.add(comment(id));
        announce(id);
    }

    private void announce(long id) {
        PublicComment added = comment(id);
        lists.onComments(new CommentsChanged(ARTICLE, true, List.of(new CommentsChanged.Move(id, null, CommentStatus.APPROVED)),
                new CommentsChanged.Added(added, 1, added.createdAt())));
    }

    private static List<Long> ids(CommentService.Approved approved) {
        return approved.comments().stream().map(PublicComment::id).toList();
    }

    @Test
    void aListIsReadOnceAndKeptWhileNothingPublicChanges() {
        stored.add(comment(1));
        assertEquals(List.of(1L), ids(read()));
        assertEquals(List.of(1L), ids(read()));
        lists.onComments(CommentsChanged.of(ARTICLE, 2, null, CommentStatus.PENDING));
        assertEquals(List.of(1L), ids(read()));
        assertEquals(1, reads.get(), "a held comment changes nothing readers see");
    }

    @Test
    void aNewPublicCommentJoinsTheKeptListWithoutARead() {
        stored.add(comment(1));
        read();
        approve(3);
        approve(2); // commits end in any order; the list stays in id order
        CommentService.Approved now = read();
        assertEquals(List.of(1L, 2L, 3L), ids(now));
        assertEquals(1, reads.get());
        // the fingerprint is the one a read would give (each comment's version is 1 here, as on insert)
        CommentService.Approved fromDatabase = database().get();
        assertEquals(fromDatabase.state(), now.state());
        assertEquals(ids(fromDatabase), ids(now));
    }

    @Test
    void aListReadAfterTheCommitHoldsTheCommentOnce() {
        stored.add(comment(1));
        stored.add(comment(2)); // committed, its event not delivered yet
        assertEquals(List.of(1L, 2L), ids(read()));
        announce(2);
        CommentService.Approved now = read();
        assertEquals(List.of(1L, 2L), ids(now));
        assertEquals(2, now.state().count());
        assertEquals(1, reads.get());
    }

    @Test
    void anyOtherPublicChangeDropsTheList() {
        stored.add(comment(1));
        read();
        stored.clear();
        lists.onComments(CommentsChanged.of(ARTICLE, 1, CommentStatus.APPROVED, CommentStatus.TRASH));
        assertEquals(List.of(), ids(read()));
        // as does a change another node relays, which carries no comment
        stored.add(comment(4));
        lists.onComments(new CommentsChanged(ARTICLE, true, List.of()));
        assertEquals(List.of(4L), ids(read()));
        assertEquals(3, reads.get());
    }

    @Test
    void aReadThatAChangeOvertookIsNotServedAgain() {
        stored.add(comment(1));
        CommentService.Approved raced = lists.get(ARTICLE, () -> {
            CommentService.Approved before = database().get();
            approve(2); // committed and announced while the read ran, after it had read its rows
            return before;
        });
        assertEquals(List.of(1L), ids(raced));
        assertEquals(List.of(1L, 2L), ids(read()), "the overtaken read is not served, so this one reads again");
        assertEquals(2, reads.get());
    }

    @Test
    void otherArticlesAreNotTouched() {
        stored.add(comment(1));
        read();
        lists.onComments(new CommentsChanged(ARTICLE + 1, true, List.of()));
        read();
        assertEquals(1, reads.get());
    }
}
