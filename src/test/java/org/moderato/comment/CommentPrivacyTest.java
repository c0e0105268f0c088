package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the entity keeps after its IP is anonymised, and after its author is erased. */
class CommentPrivacyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static Comment comment() {
        return new Comment(null, new CommentDraft("Jane", "jane@example.com", "https://jane.example", "Hi there"), 1,
                new SealedEmail("cipher", "index", "key1"), new ClientInfo("203.0.113.77", "Firefox/140", false), CommentStatus.APPROVED,
                List.of("held: moderation email jane@example.com"), Instant.EPOCH);
    }

    @Test
    void anonymisingKeepsTheTruncatedIpAndDropsTheBrowserOnly() {
        Comment comment = comment();
        comment.anonymiseClient("203.0.113.0", NOW);
        assertAll(
                () -> assertEquals("203.0.113.0", comment.getIpAddress()),
                () -> assertNull(comment.getUserAgent()),
                () -> assertEquals(NOW, comment.getClientAnonymisedAt()),
                () -> assertEquals("Jane", comment.getAuthorName()),
                () -> assertEquals("cipher", comment.getEmailCiphertext()),
                () -> assertEquals("key1", comment.getEmailKeyId()));
    }

    @Test
    void erasingLeavesTheTextAndNothingThatPointsAtTheAuthor() {
        Comment comment = comment();
        comment.eraseAuthor(NOW);
        assertAll(
                () -> assertEquals(Comment.ANONYMOUS, comment.getAuthorName()),
                () -> assertNull(comment.getEmailCiphertext()),
                () -> assertNull(comment.getEmailIndex()),
                () -> assertNull(comment.getEmailKeyId()),
                () -> assertNull(comment.getWebsite()),
                () -> assertNull(comment.getIpAddress()),
                () -> assertNull(comment.getUserAgent()),
                () -> assertNull(comment.getModerationReasons(), "a key-list reason can quote the address"),
                () -> assertEquals("Hi there", comment.getBody()),
                () -> assertEquals(CommentStatus.APPROVED, comment.getStatus()));
    }
}
