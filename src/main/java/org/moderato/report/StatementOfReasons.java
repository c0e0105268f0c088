package org.moderato.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.moderato.platform.ReaderTexts;

/**
 * The statement of reasons a removal because of reports owes its author (DSA Art. 17(3)): what was
 * done (a), the facts and circumstances (b), whether automated means were used (c), the ground in law
 * (d) or in the site's terms (e), and the ways to complain (f). Pure: built from a decision's fields.
 */
public record StatementOfReasons(Instant decidedAt, String action, String facts, String automation, String groundKind,
                                 String ground, String explanation, String redress) {

    public static final String LAW = "LAW";
    public static final String TERMS = "TERMS";

    private static final ReaderTexts.Words ENGLISH = ReaderTexts.words(Locale.ENGLISH);

    /** In English, as the decision stored its facts and ground. */
    public static StatementOfReasons of(DecisionOutcome outcome, boolean automated, String groundKind, String ground,
                                        String explanation, String facts, Instant decidedAt) {
        return of(outcome, automated, groundKind, ground, explanation, facts, decidedAt, ENGLISH);
    }

    /** In a reader's language: {@code ground} and {@code facts} already in it, the rest from the reader bundle. */
    public static StatementOfReasons of(DecisionOutcome outcome, boolean automated, String groundKind, String ground,
                                        String explanation, String facts, Instant decidedAt, ReaderTexts.Words words) {
        if (!outcome.isRemoval()) {
            throw new IllegalArgumentException("only a removal has a statement of reasons: " + outcome);
        }
        String action = words.text(outcome == DecisionOutcome.SPAM ? "statement.action.spam" : "statement.action.removed");
        String automation = words.text(automated ? "statement.automated" : "statement.human");
        String groundLine = words.text(LAW.equals(groundKind) ? "statement.groundLaw" : "statement.groundTerms", ground);
        return new StatementOfReasons(decidedAt, action, facts, automation, groundKind, groundLine,
                explanation == null || explanation.isBlank() ? null : explanation, words.text("statement.redress"));
    }

    /** The statement as plain text, for a mail feature or an archive (its headings in English). */
    public String asText() {
        StringBuilder text = new StringBuilder("Statement of reasons (Digital Services Act, Article 17)\n");
        for (String line : lines()) {
            text.append("\n").append(line).append("\n");
        }
        return text.toString();
    }

    /** The items in the order Art. 17(3) lists them; the moderator's own words after the ground. */
    public List<String> lines() {
        return explanation == null
                ? List.of(action, "Facts and circumstances: " + facts, automation, ground, redress)
                : List.of(action, "Facts and circumstances: " + facts, automation, ground, "The moderator's explanation: " + explanation, redress);
    }
}
