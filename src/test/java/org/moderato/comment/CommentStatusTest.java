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

    @Test
    void onlySpamAndTrashCanBeDeletedPermanently() {
        assertFalse(CommentStatus.PENDING.canBeDeletedPermanently());
        assertFalse(CommentStatus.APPROVED.canBeDeletedPermanently());
        assertTrue(CommentStatus.SPAM.canBeDeletedPermanently());
        assertTrue(CommentStatus.TRASH.canBeDeletedPermanently());
    }

    /** Undo puts back exactly the status a legal move left, including trash to approved, which no button offers. */
    @ParameterizedTest
    @EnumSource(CommentStatus.class)
    void everyLegalMoveCanBeUndoneAndNothingElse(CommentStatus from) {
        for (CommentStatus to : CommentStatus.values()) {
            Comment comment = pending();
            if (from != CommentStatus.PENDING) {
                comment.moveTo(from, "setup", Instant.EPOCH);
            }
            if (!from.canMoveTo(to)) {
                continue;
            }
            comment.moveTo(to, "alice", Instant.EPOCH);
            comment.undoMoveFrom(from, "alice", Instant.EPOCH.plusSeconds(1));
            assertEquals(from, comment.getStatus(), from + " -> " + to + " undone");
        }
    }

    @Test
    void undoCannotInventAMoveThatWasNeverLegal() {
        Comment comment = pending();
        comment.moveTo(CommentStatus.APPROVED, "alice", Instant.EPOCH);
        // spam -> approved is not a move, so "undoing" it would be a back door from spam to public
        IllegalStatusChange refused = assertThrows(IllegalStatusChange.class,
                () -> comment.undoMoveFrom(CommentStatus.SPAM, "mallory", Instant.EPOCH));
        assertTrue(refused.getMessage().contains("cannot be undone"), refused.getMessage());
        assertThrows(IllegalStatusChange.class, () -> comment.undoMoveFrom(CommentStatus.APPROVED, "mallory", Instant.EPOCH));
        assertEquals(CommentStatus.APPROVED, comment.getStatus());
        assertEquals("alice", comment.getStatusChangedBy());
    }

    @Test
    void aStaffReplyIsPublicMarkedAndOneLevelDeeper() {
        Comment parent = pending();
        assertThrows(IllegalStatusChange.class, () -> Comment.staffReply(parent, "alice", "Thanks!", Instant.EPOCH),
                "a reply to a hidden comment is refused");
        parent.moveTo(CommentStatus.APPROVED, "alice", Instant.EPOCH);
        Comment reply = Comment.staffReply(parent, "alice", "Thanks!", Instant.EPOCH);
        assertEquals(CommentStatus.APPROVED, reply.getStatus());
        assertTrue(reply.isStaffReply());
        assertEquals("alice", reply.getAuthorName());
        assertEquals(parent.getDepth() + 1, reply.getDepth());
        assertEquals(null, reply.getEmailIndex(), "staff replies carry no address");
        assertEquals(null, reply.getIpAddress());
    }

    @Test
    void editingKeepsTheStatusAndHandsBackTheEarlierText() {
        Comment comment = pending();
        assertEquals("Hi", comment.editText("Hello", "alice", Instant.EPOCH));
        assertEquals("Hello", comment.getBody());
        assertEquals("alice", comment.getEditedBy());
        assertEquals(CommentStatus.PENDING, comment.getStatus());
    }

    private static Comment pending() {
        return new Comment(null, new CommentDraft("Jane", "jane@example.com", null, "Hi"), 1,
                new SealedEmail("c", "i"), new ClientInfo("127.0.0.1", "test", false), CommentStatus.PENDING,
                java.util.List.of("held: test"), Instant.EPOCH);
    }
}
