package org.moderato.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.moderato.comment.CommentStatus;

class QueueFilterTest {

    @Test
    void searchIsTrimmedLimitedAndBlankMeansNone() {
        assertNull(new QueueFilter(QueueView.PENDING, "   ", null).search());
        assertEquals("cats", new QueueFilter(QueueView.PENDING, "  cats ", null).search());
        assertEquals(QueueFilter.SEARCH_MAX, new QueueFilter(QueueView.PENDING, "x".repeat(500), null).search().length());
        assertEquals(QueueView.PENDING, new QueueFilter(null, null, null).view());
    }

    @Test
    void likeWildcardsTypedByTheModeratorAreTakenLiterally() {
        assertEquals("%100!% sure!_really!!%", new QueueFilter(QueueView.ALL, "100% Sure_really!", null).likePattern());
    }

    @Test
    void viewsComeFromTheAddressAndFallBackToPending() {
        assertEquals(QueueView.SPAM, QueueView.fromKey("spam"));
        assertEquals(QueueView.ALL, QueueView.fromKey("ALL"));
        assertEquals(QueueView.PENDING, QueueView.fromKey("<script>"));
        assertEquals(QueueView.PENDING, QueueView.fromKey(null));
    }

    @Test
    void allIsWhatIsNeitherSpamNorTrashAndOnlyPendingReadsOldestFirst() {
        assertEquals(List.of(CommentStatus.PENDING, CommentStatus.APPROVED), QueueView.ALL.statuses());
        for (QueueView view : QueueView.values()) {
            assertEquals(view == QueueView.PENDING, view.oldestFirst(), view.name());
        }
    }

    @Test
    void cursorsAcceptIdsOnly() {
        assertEquals(new QueuePage.Cursor(42L, null), QueuePage.Cursor.parse("42", null));
        assertEquals(QueuePage.Cursor.FIRST, QueuePage.Cursor.parse("-1", "1 OR 1=1"));
        assertEquals(QueuePage.Cursor.FIRST, QueuePage.Cursor.parse("0", ""));
    }

    @Test
    void parentExcerptsAreShortAndFlat() {
        assertEquals("one two", ParentExcerpt.excerptOf("one\n\n  two "));
        String excerpt = ParentExcerpt.excerptOf("word ".repeat(100));
        assertTrue(excerpt.length() <= ParentExcerpt.LENGTH);
        assertTrue(excerpt.endsWith("…"));
        assertFalse(ParentExcerpt.excerptOf("short").endsWith("…"));
    }
}
