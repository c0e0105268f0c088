package org.moderato.comment;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.moderato.platform.Generations;
import org.moderato.platform.LruByteCache;

/**
 * The approved comments of the articles being read, with their fingerprint, as
 * {@link CommentService#approvedWithStateFor} read them, kept until the article's next public change.
 * While comments arrive a busy article's page is rendered several times a second, and reading its
 * thousands of rows again each time was most of a render (a sixth of a post's CPU in a profile). A
 * new public comment (a submission the rules approved, a staff reply) joins the kept list from the
 * after-commit event, without a read; any other public change, or one relayed from another node,
 * drops the list and the next render reads it afresh.
 *
 * <p>Each article has a generation that every public change moves. A read records it first and is
 * kept only if no change came while it ran, so a list is never older than what it is served for; an
 * event adds its comment only to a list that was current until that event (a list read after the
 * commit may already hold it: added once).
 */
@ApplicationScoped
public class ApprovedLists {

    /** About 10,000 comments of average length; the busiest articles stay, the others are read again. */
    static final long MAX_BYTES = 16L << 20;

    private final Generations generations = new Generations();
    private final LruByteCache<Long, Kept> kept = new LruByteCache<>(MAX_BYTES, Kept::bytes);

    /** An article's list, sorted by id, as it was at {@code generation}. */
    record Kept(long generation, List<PublicComment> comments, CommentsState state, long bytes) {

        static Kept of(long generation, CommentService.Approved read) {
            long bytes = 0;
            for (PublicComment comment : read.comments()) {
                bytes += bytesOf(comment);
            }
            return new Kept(generation, Collections.unmodifiableList(new ArrayList<>(read.comments())), read.state(), bytes);
        }

        /** With the new comment in its place (a list read after its commit already has it). */
        Kept plus(CommentsChanged.Added added, long next) {
            PublicComment comment = added.comment();
            int at = Collections.binarySearch(comments, comment, (a, b) -> Long.compare(a.id(), b.id()));
            if (at >= 0) {
                return new Kept(next, comments, state, bytes);
            }
            List<PublicComment> more = new ArrayList<>(comments.size() + 1);
            more.addAll(comments);
            more.add(-at - 1, comment);
            return new Kept(next, Collections.unmodifiableList(more), state.plus(comment.id(), added.version(), added.changedAt()),
                    bytes + bytesOf(comment));
        }

        CommentService.Approved approved() {
            return new CommentService.Approved(comments, state);
        }

        private static long bytesOf(PublicComment comment) {
            return 160 + 2L * (comment.body().length() + length(comment.authorName()) + length(comment.website()));
        }

        private static int length(String text) {
            return text == null ? 0 : text.length();
        }
    }

    /** The article's approved comments and fingerprint: the kept ones while current, else {@code read}'s, then kept. */
    CommentService.Approved get(long articleId, Supplier<CommentService.Approved> read) {
        long before = generations.of(articleId);
        Kept current = kept.get(articleId);
        if (current != null && current.generation() == before) {
            return current.approved();
        }
        Kept fresh = Kept.of(before, read.get());
        generations.ifStill(articleId, before, () -> kept.put(articleId, fresh));
        return fresh.approved();
    }

    void onComments(@Observes(during = TransactionPhase.AFTER_SUCCESS) CommentsChanged change) {
        if (!change.publicChange()) {
            return;
        }
        generations.advance(change.articleId(), was -> {
            Kept current = kept.get(change.articleId());
            // otherwise the list stays at an older generation: never served again, replaced by the next read
            if (current != null && current.generation() == was && change.added() != null) {
                kept.put(change.articleId(), current.plus(change.added(), was + 1));
            }
        });
    }
}
