package org.moderato.comment;

import java.time.Instant;
import java.util.List;

/**
 * What one write did to the comments of one article, announced by {@link CommentWriter} and delivered
 * to observers only after the transaction commits ({@code @Observes(during = AFTER_SUCCESS)}): a
 * rolled-back change tells nobody anything. {@code publicChange} says whether readers of the article
 * can see a difference (a comment became, stopped being or was changed while approved); the page
 * cache listens only to those, the totals to every move. {@code added}: the comment as readers now see
 * it when the write was a new public comment (a submission the rules approved, a staff reply), so an
 * article's kept list of approved comments ({@link ApprovedLists}) takes it without a read; else null.
 */
public record CommentsChanged(long articleId, boolean publicChange, List<Move> moves, Added added) {

    /** A new public comment, with what its row adds to the article's {@link CommentsState}. */
    public record Added(PublicComment comment, int version, Instant changedAt) {}

    public CommentsChanged(long articleId, boolean publicChange, List<Move> moves) {
        this(articleId, publicChange, moves, null);
    }

    /** One comment's status before and after; {@code from} null for a new comment, {@code to} null for a deleted one. */
    public record Move(long commentId, CommentStatus from, CommentStatus to) {

        boolean touchesPublic() {
            return from == CommentStatus.APPROVED || to == CommentStatus.APPROVED;
        }
    }

    public CommentsChanged {
        moves = List.copyOf(moves);
    }

    /** One comment of the article moved (or was created, or deleted). */
    public static CommentsChanged of(long articleId, long commentId, CommentStatus from, CommentStatus to) {
        Move move = new Move(commentId, from, to);
        return new CommentsChanged(articleId, move.touchesPublic(), List.of(move));
    }

    /** A new comment, public at once: {@link #of} with the comment as readers see it. */
    static CommentsChanged added(Comment comment) {
        return new CommentsChanged(comment.getArticle().getId(), true,
                List.of(new Move(comment.getId(), null, CommentStatus.APPROVED)), comment.asAdded());
    }

    /** Something readers see changed without a status move (an edit, an erased name, a thread re-parented). */
    public static CommentsChanged contentOf(long articleId, long commentId, CommentStatus status) {
        return new CommentsChanged(articleId, status == CommentStatus.APPROVED, List.of(new Move(commentId, status, status)));
    }
}
