package org.moderato.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportDraftTest {

    private static ReportDraft draft(String reason, String note, String law, String explanation, String email) {
        return new ReportDraft(reason, note, law, explanation, null, email, "token", "");
    }

    @Test
    void everyReasonOfTheFormIsAccepted() {
        for (ReportReason reason : ReportReason.values()) {
            ReportDraft d = draft(reason.key(), null, "Law", "Why", null);
            assertEquals(Map.of(), d.problems(), reason.key());
            assertEquals(reason, d.reason());
        }
    }

    @Test
    void aReasonIsNeeded() {
        assertEquals(Map.of("reason", ReportMessages.CHOOSE_REASON), draft(null, null, null, null, null).problems());
        assertEquals(Map.of("reason", ReportMessages.CHOOSE_REASON), draft("rude", null, null, null, null).problems());
    }

    @Test
    void theNoteIsAtMostAThousandCharacters() {
        assertEquals(Map.of(), draft("spam", "é".repeat(1000), null, null, null).problems());
        assertEquals(Map.of("note", ReportMessages.NOTE_TOO_LONG), draft("spam", "x".repeat(1001), null, null, null).problems());
        // characters as the reader sees them: 1,000 emoji are 2,000 UTF-16 units
        assertEquals(Map.of(), draft("spam", "😀".repeat(1000), null, null, null).problems());
    }

    @Test
    void aNoticeNeedsItsLawAndExplanationAndAValidAddressWhenGiven() {
        Map<String, String> problems = draft("illegal", null, " ", null, "not an address").problems();
        assertEquals(ReportMessages.LAW_REQUIRED, problems.get("law"));
        assertEquals(ReportMessages.EXPLANATION_REQUIRED, problems.get("explanation"));
        assertEquals(ReportMessages.EMAIL_INVALID, problems.get("notifier-email"));
        assertEquals(Map.of(), draft("illegal", null, "§ 130 StGB", "Incites hatred", "n@example.org").problems());
    }

    @Test
    void noticeFieldsCountOnlyForANoticeAndTheAddressKeysOnlyANotice() {
        ReportDraft spam = draft("spam", null, null, null, "n@example.org");
        assertEquals(Map.of(), spam.problems());
        assertNull(spam.readerAddress());
        assertEquals("n@example.org", draft("illegal", null, "L", "E", "n@example.org").readerAddress());
    }

    @Test
    void controlCharactersGoAndBlankIsAbsent() {
        ReportDraft d = draft("spam", "  a\u0000b  ", null, null, null);
        assertEquals("ab", d.note());
        assertNull(draft("spam", "   ", null, null, null).note());
        assertTrue(draft("spam", null, null, null, null).problems().isEmpty());
    }
}
