package org.moderato.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.moderato.comment.CommentStatus;

class WordingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

    @Test
    void movesAreNamedAsAModeratorWouldSayThem() {
        assertEquals("approved", Wording.pastTense(CommentStatus.PENDING, CommentStatus.APPROVED));
        assertEquals("unapproved", Wording.pastTense(CommentStatus.APPROVED, CommentStatus.PENDING));
        assertEquals("marked as not spam", Wording.pastTense(CommentStatus.SPAM, CommentStatus.PENDING));
        assertEquals("restored", Wording.pastTense(CommentStatus.TRASH, CommentStatus.PENDING));
        assertEquals("marked as spam", Wording.pastTense(CommentStatus.APPROVED, CommentStatus.SPAM));
        assertEquals("moved to the trash", Wording.pastTense(CommentStatus.SPAM, CommentStatus.TRASH));
        assertEquals("edited", Wording.pastTense(CommentStatus.PENDING, CommentStatus.PENDING));
    }

    @Test
    void agesReadShort() {
        assertEquals("just now", Wording.ago(NOW.minusMillis(400), NOW));
        assertEquals("5 s ago", Wording.ago(NOW.minusSeconds(5), NOW));
        assertEquals("3 min ago", Wording.ago(NOW.minusSeconds(3 * 60 + 10), NOW));
        assertEquals("2 h ago", Wording.ago(NOW.minusSeconds(2 * 3600 + 5), NOW));
        assertEquals("3 days ago", Wording.ago(NOW.minusSeconds(3 * 86400), NOW));
        assertEquals("just now", Wording.ago(NOW.plusSeconds(2), NOW), "a clock a little ahead is not the future");
    }
}
