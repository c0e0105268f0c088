package org.moderato.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class TransparencyMedianTest {

    @Test
    void medianOfOddAndEvenCountsInHours() {
        assertNull(TransparencyReport.median(List.of()));
        assertEquals(1.0, TransparencyReport.median(List.of(60L, 3600L, 86400L)));
        assertEquals(1.5, TransparencyReport.median(List.of(3600L, 7200L)));
    }
}
