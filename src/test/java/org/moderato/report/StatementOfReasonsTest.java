package org.moderato.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatementOfReasonsTest {

    private static final Instant AT = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void aRemovalOnTheLawHasEveryArticle17Item() {
        StatementOfReasons s = StatementOfReasons.of(DecisionOutcome.REMOVED, false, StatementOfReasons.LAW,
                "illegal content under StGB § 130", "Incites hatred against a group.", "3 reports (hate ×3) from readers.", AT);
        assertEquals("Your comment was removed. Readers of the article no longer see it, wherever they read it from; its text is kept"
                + " for the moderators so the decision can be reviewed.", s.action());
        assertEquals("Legal ground: illegal content under StGB § 130.", s.ground());
        assertTrue(s.automation().startsWith("The comment came to the moderators' attention through readers' reports. No automated means"));
        assertTrue(s.redress().contains("reviewed once") && s.redress().contains("out-of-court dispute settlement") && s.redress().contains("court"));
        assertEquals(6, s.lines().size());
        assertEquals("Facts and circumstances: 3 reports (hate ×3) from readers.", s.lines().get(1));
        assertEquals("The moderator's explanation: Incites hatred against a group.", s.lines().get(4));
        assertTrue(s.asText().startsWith("Statement of reasons (Digital Services Act, Article 17)\n"));
    }

    @Test
    void spamOnTheTermsWithoutWords() {
        StatementOfReasons s = StatementOfReasons.of(DecisionOutcome.SPAM, false, StatementOfReasons.TERMS,
                RemovalGround.SPAM.label(), "  ", "1 report (spam) from readers.", AT);
        assertTrue(s.action().startsWith("Your comment was removed as spam."));
        assertEquals("Ground in the site's terms: Spam or advertising (the site's comment terms).", s.ground());
        assertEquals(null, s.explanation());
        assertEquals(5, s.lines().size());
    }

    @Test
    void automatedDecisionsSaySo() {
        assertEquals("The decision was taken by automated means.", StatementOfReasons.of(DecisionOutcome.REMOVED, true,
                StatementOfReasons.TERMS, "x", null, "f", AT).automation());
    }

    @Test
    void onlyRemovalsHaveOne() {
        assertThrows(IllegalArgumentException.class, () -> StatementOfReasons.of(DecisionOutcome.DISMISSED, false, null, null, null, "f", AT));
        assertThrows(IllegalArgumentException.class, () -> StatementOfReasons.of(DecisionOutcome.HELD, true, null, null, null, "f", AT));
    }
}
