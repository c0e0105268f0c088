package org.moderato.comment;

import java.text.Normalizer;

/** Cleans what a reader typed: Unicode NFC, and no control characters other than newline and tab. */
public final class SubmittedText {

    private SubmittedText() {}

    public static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> cp == '\n' || cp == '\t' || !Character.isISOControl(cp))
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** Multi-line text: cleaned and trimmed at both ends. */
    public static String cleanText(String raw) {
        String text = clean(raw);
        return text == null ? null : text.strip();
    }

    /** Empty input is no input: constraints then report the field as missing, once. */
    public static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** Single-line fields: cleaned, tabs and newlines folded to spaces, trimmed. */
    public static String cleanLine(String raw) {
        String text = clean(raw);
        return text == null ? null : text.replace('\n', ' ').replace('\t', ' ').strip();
    }

    /** Like WordPress, "example.com" means "http://example.com"; other schemes stay and fail validation. */
    public static String website(String raw) {
        String cleaned = cleanLine(raw);
        if (cleaned == null || cleaned.isEmpty()) {
            return null;
        }
        return cleaned.matches("(?s)[a-zA-Z][a-zA-Z0-9+.-]*:(?!\\d).*") ? cleaned : "http://" + cleaned;
    }
}
