package org.moderato.rules.checks;

import java.util.List;
import org.moderato.rules.Finding;
import org.moderato.rules.ModerationCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/**
 * Holds a comment with N or more links (0 turns the check off), counting bare URLs too. The count is
 * one forward scan: a regex with a lazy {@code .*?</a>} took seconds on 65 KB of {@code <a } or of
 * anchors without an end tag, and {@code \b} is quadratic over a run of combining marks.
 */
public class LinkLimitCheck implements ModerationCheck {

    private static final String[] URL_STARTS = {"https://", "http://", "www."};

    @Override
    public List<Finding> assess(Submission submission, SubmissionFacts facts, RuleSettings rules) {
        if (rules.linkLimit() == 0 || submission.text() == null) {
            return List.of();
        }
        int links = count(submission.text());
        return links >= rules.linkLimit()
                ? List.of(Finding.hold(links + (links == 1 ? " link" : " links") + ", limit " + rules.linkLimit()))
                : List.of();
    }

    /**
     * An {@code <a ...>} tag counts once, with its text up to {@code </a>}; bare URLs outside one
     * count each. Every index only moves forward, so the cost is linear in the text.
     */
    static int count(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        int links = 0;
        int nextTagEnd = -1;
        int nextClose = -1;
        int i = 0;
        while (i < lower.length()) {
            if (isAnchorStart(lower, i)) {
                if (nextTagEnd < i) {
                    nextTagEnd = indexOrEnd(lower, ">", i);
                }
                if (nextTagEnd < lower.length()) {
                    links++;
                    if (nextClose <= nextTagEnd) {
                        nextClose = indexOrEnd(lower, "</a>", nextTagEnd);
                    }
                    i = nextClose < lower.length() ? nextClose + 4 : nextTagEnd + 1;
                    continue;
                }
            }
            int urlEnd = bareUrlEnd(lower, i);
            if (urlEnd > i) {
                links++;
                i = urlEnd;
            } else {
                i++;
            }
        }
        return links;
    }

    private static boolean isAnchorStart(String text, int i) {
        return text.startsWith("<a", i) && i + 2 < text.length() && Character.isWhitespace(text.charAt(i + 2));
    }

    /** Where a URL starting at {@code i} ends, or {@code i} when none starts there. */
    private static int bareUrlEnd(String text, int i) {
        if (i > 0 && isWordChar(text.charAt(i - 1))) {
            return i;
        }
        for (String start : URL_STARTS) {
            if (text.startsWith(start, i)) {
                int end = i + start.length();
                while (end < text.length() && isUrlChar(text.charAt(end))) {
                    end++;
                }
                return end > i + start.length() ? end : i;
            }
        }
        return i;
    }

    private static int indexOrEnd(String text, String what, int from) {
        int at = text.indexOf(what, from);
        return at < 0 ? text.length() : at;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static boolean isUrlChar(char c) {
        return !Character.isWhitespace(c) && c != '<' && c != '>' && c != '"' && c != '\'';
    }
}
