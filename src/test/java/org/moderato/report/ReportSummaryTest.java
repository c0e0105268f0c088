package org.moderato.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReportSummaryTest {

    @Test
    void mostFrequentFirstWithCounts() {
        assertEquals("held: 3 reports (harassment ×2, spam)",
                ReportSummary.holdReason(List.of(ReportReason.SPAM, ReportReason.HARASSMENT, ReportReason.HARASSMENT)));
    }

    @Test
    void tiesInTheFormsOrder() {
        assertEquals("4 reports (spam ×2, hate ×2)",
                ReportSummary.of(List.of(ReportReason.HATE, ReportReason.SPAM, ReportReason.HATE, ReportReason.SPAM)));
        assertEquals("3 reports (spam, personal information, illegal content)",
                ReportSummary.of(List.of(ReportReason.ILLEGAL, ReportReason.PERSONAL_INFORMATION, ReportReason.SPAM)));
    }

    @Test
    void oneAndNone() {
        assertEquals("1 report (off topic)", ReportSummary.of(List.of(ReportReason.OFF_TOPIC)));
        assertEquals("no open reports", ReportSummary.of(List.of()));
    }
}
