package org.moderato.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.moderato.comment.SubmittedText;

/**
 * A report as the reader typed it, cleaned (control characters out, fields trimmed, empty as absent)
 * and checked by {@link #problems()}: a reason, a note of at most 1,000 characters, and for an
 * illegal-content notice the law or kind and an explanation (DSA Art. 16(2)), the notifier's name
 * and address optional.
 */
public record ReportDraft(String reasonKey, String note, String law, String explanation, String notifierName,
                          String notifierEmail, String formToken, String honeypot) {

    public static final int NOTE_MAX = 1000;
    public static final int LAW_MAX = 200;
    public static final int EXPLANATION_MAX = 2000;
    public static final int NAME_MAX = 100;
    public static final int EMAIL_MAX = 254;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,189}\\.[^@\\s.]{1,63}");

    public ReportDraft {
        reasonKey = SubmittedText.cleanLine(reasonKey);
        note = blank(SubmittedText.cleanText(note));
        law = blank(SubmittedText.cleanLine(law));
        explanation = blank(SubmittedText.cleanText(explanation));
        notifierName = blank(SubmittedText.cleanLine(notifierName));
        notifierEmail = blank(SubmittedText.cleanLine(notifierEmail));
    }

    private static String blank(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    public ReportReason reason() {
        return ReportReason.fromKey(reasonKey).orElse(null);
    }

    public boolean isNotice() {
        return reason() != null && reason().isNotice();
    }

    /** Field name to message; empty when the draft can be stored. Lengths are counted in characters as the reader sees them. */
    public Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (reason() == null) {
            problems.put("reason", ReportMessages.CHOOSE_REASON);
        }
        if (length(note) > NOTE_MAX) {
            problems.put("note", ReportMessages.NOTE_TOO_LONG);
        }
        if (isNotice()) {
            if (law == null) {
                problems.put("law", ReportMessages.LAW_REQUIRED);
            } else if (length(law) > LAW_MAX) {
                problems.put("law", ReportMessages.LAW_TOO_LONG);
            }
            if (explanation == null) {
                problems.put("explanation", ReportMessages.EXPLANATION_REQUIRED);
            } else if (length(explanation) > EXPLANATION_MAX) {
                problems.put("explanation", ReportMessages.EXPLANATION_TOO_LONG);
            }
            if (length(notifierName) > NAME_MAX) {
                problems.put("notifier-name", ReportMessages.NAME_TOO_LONG);
            }
            if (notifierEmail != null && (length(notifierEmail) > EMAIL_MAX || !EMAIL.matcher(notifierEmail).matches())) {
                problems.put("notifier-email", ReportMessages.EMAIL_INVALID);
            }
        }
        return problems;
    }

    /** The address the reader is known by: the notifier's address of a notice, when given. */
    public String readerAddress() {
        return isNotice() ? notifierEmail : null;
    }

    private static int length(String text) {
        return text == null ? 0 : text.codePointCount(0, text.length());
    }
}
