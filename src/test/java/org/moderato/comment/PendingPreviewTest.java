package org.moderato.comment;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PendingPreviewTest {

    private final PendingPreview preview = new PendingPreview("k".repeat(32).getBytes());
    private final Instant now = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void theAuthorsLinkWorksForTenMinutes() {
        String hash = preview.hashFor(42, now);
        assertTrue(preview.isValid(42, hash, now));
        assertTrue(preview.isValid(42, hash, now.plus(PendingPreview.VALIDITY)));
        assertFalse(preview.isValid(42, hash, now.plus(PendingPreview.VALIDITY).plusSeconds(1)));
    }

    @Test
    void theLinkOpensOnlyItsOwnComment() {
        assertFalse(preview.isValid(43, preview.hashFor(42, now), now));
    }

    @Test
    void forgedOrDamagedLinksAreRefused() {
        String hash = preview.hashFor(42, now);
        String later = (now.getEpochSecond() + 999_999) + hash.substring(hash.indexOf('.'));
        assertFalse(preview.isValid(42, later, now), "a later expiry with the old signature");
        assertFalse(preview.isValid(42, hash.substring(0, hash.length() - 1) + "0", now.minusSeconds(1)));
        assertFalse(preview.isValid(42, null, now));
        assertFalse(preview.isValid(42, "", now));
        assertFalse(preview.isValid(42, "x.y", now));
        assertFalse(new PendingPreview("other-key-other-key-other-key-12".getBytes()).isValid(42, hash, now));
    }
}
