package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CommentStatusTest {

    @Test
    void pendingCanBeApprovedSpammedOrTrashed() {
        assertEquals(EnumSet.of(CommentStatus.APPROVED, CommentStatus.SPAM, CommentStatus.TRASH),
                CommentStatus.PENDING.nextStatuses());
    }

    @Test
    void approvedCanBeUnapprovedSpammedOrTrashed() {
        assertEquals(EnumSet.of(CommentStatus.PENDING, CommentStatus.SPAM, CommentStatus.TRASH),
                CommentStatus.APPROVED.nextStatuses());
    }

    @Test
    void spamAndTrashGoBackThroughTheQueueNeverStraightToPublic() {
        assertFalse(CommentStatus.SPAM.canMoveTo(CommentStatus.APPROVED));
        assertFalse(CommentStatus.TRASH.canMoveTo(CommentStatus.APPROVED));
        assertTrue(CommentStatus.SPAM.canMoveTo(CommentStatus.PENDING));
        assertTrue(CommentStatus.TRASH.canMoveTo(CommentStatus.PENDING));
    }

    @ParameterizedTest
    @EnumSource(CommentStatus.class)
    void noStatusMovesToItself(CommentStatus status) {
        assertFalse(status.canMoveTo(status));
    }

    @Test
    void onlyApprovedIsPublic() {
        for (CommentStatus status : CommentStatus.values()) {
            assertEquals(status == CommentStatus.APPROVED, status.isPublic(), status.name());
        }
    }

    @Test
    void entityRecordsWhoMovedItAndRefusesIllegalMoves() {
        Comment comment = new Comment(null, new CommentDraft("Jane", "jane@example.com", null, "Hi"), 1,
                new SealedEmail("c", "i"), new ClientInfo("127.0.0.1", "test", false), CommentStatus.PENDING,
                java.util.List.of("held: test"), Instant.EPOCH);
        Instant at = Instant.parse("2026-11-27T10:00:00Z");

        assertEquals(CommentStatus.PENDING, comment.moveTo(CommentStatus.APPROVED, "alice", at));
        assertEquals(CommentStatus.APPROVED, comment.getStatus());
        assertEquals("alice", comment.getStatusChangedBy());
        assertEquals(at, comment.getStatusChangedAt());

        IllegalStatusChange refused = assertThrows(IllegalStatusChange.class,
                () -> comment.moveTo(CommentStatus.APPROVED, "bob", at.plusSeconds(5)));
        assertTrue(refused.getMessage().contains("approved (by alice)"), refused.getMessage());
        assertEquals("alice", comment.getStatusChangedBy());
    }
}
