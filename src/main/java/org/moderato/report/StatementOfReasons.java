package org.moderato.report;

import java.time.Instant;
import java.util.List;

/**
 * The statement of reasons a removal because of reports owes its author (DSA Art. 17(3)): what was
 * done (a), the facts and circumstances (b), whether automated means were used (c), the ground in law
 * (d) or in the site's terms (e), and the ways to complain (f). Pure: built from a decision's fields.
 */
public record StatementOfReasons(Instant decidedAt, String action, String facts, String automation, String groundKind,
                                 String ground, String explanation, String redress) {

    public static final String LAW = "LAW";
    public static final String TERMS = "TERMS";

    public static StatementOfReasons of(DecisionOutcome outcome, boolean automated, String groundKind, String ground,
                                        String explanation, String facts, Instant decidedAt) {
        if (!outcome.isRemoval()) {
            throw new IllegalArgumentException("only a removal has a statement of reasons: " + outcome);
        }
        String action = (outcome == DecisionOutcome.SPAM ? "Your comment was removed as spam." : "Your comment was removed.")
                + " Readers of the article no longer see it, wherever they read it from; its text is kept for the moderators"
                + " so the decision can be reviewed.";
        String automation = automated
                ? "The decision was taken by automated means."
                : "The comment came to the moderators' attention through readers' reports. No automated means were used to"
                        + " decide: a moderator read the comment and the reports and took the decision.";
        String groundLine = LAW.equals(groundKind)
                ? "Legal ground: " + ground + "."
                : "Ground in the site's terms: " + ground + ".";
        String redress = "You can ask for this decision to be reviewed once, with the form on this page (the site's internal"
                + " complaint handling): a moderator looks at the comment again and it is restored if the complaint is upheld."
                + " You may also turn to a certified out-of-court dispute settlement body (DSA Art. 21) or to a court.";
        return new StatementOfReasons(decidedAt, action, facts, automation, groundKind, groundLine,
                explanation == null || explanation.isBlank() ? null : explanation, redress);
    }

    /** The statement as plain text, for a mail feature or an archive. */
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
