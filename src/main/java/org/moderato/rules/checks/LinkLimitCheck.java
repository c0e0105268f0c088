package org.moderato.rules.checks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.moderato.rules.Finding;
import org.moderato.rules.ModerationCheck;
import org.moderato.rules.RuleSettings;
import org.moderato.rules.Submission;
import org.moderato.rules.SubmissionFacts;

/** Holds a comment with N or more links (0 turns the check off), counting bare URLs too. */
public class LinkLimitCheck implements ModerationCheck {

    private static final Pattern ANCHOR = Pattern.compile("(?is)<a\\s[^>]*>.*?</a>|<a\\s[^>]*>");
    private static final Pattern BARE_URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"']+");

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

    /** An {@code <a>} element counts once, whatever its text; bare URLs outside one count each. */
    static int count(String text) {
        Matcher anchors = ANCHOR.matcher(text);
        int links = 0;
        StringBuilder rest = new StringBuilder();
        while (anchors.find()) {
            links++;
            anchors.appendReplacement(rest, " ");
        }
        anchors.appendTail(rest);
        Matcher bare = BARE_URL.matcher(rest);
        while (bare.find()) {
            links++;
        }
        return links;
    }
}
