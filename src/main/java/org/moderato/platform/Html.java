package org.moderato.platform;

/**
 * Escapes text for HTML, in an element's content and in a double-quoted attribute value alike:
 * {@code &}, {@code <}, {@code >} and {@code "}, which is what Mojarra escapes in an attribute (in
 * text it leaves {@code "}, which is safe there too). {@code '} stays as it is, as Mojarra leaves it:
 * an apostrophe in a name is common and every attribute written with this is in double quotes; a
 * single-quoted or unquoted attribute needs more than this.
 */
public final class Html {

    private Html() {}

    /** The text escaped; the same string when there is nothing to escape, "" for null (as Facelets writes nothing). */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        for (int i = 0; i < text.length(); i++) {
            if (replacement(text.charAt(i)) != null) {
                return escapeFrom(new StringBuilder(text.length() + 16).append(text, 0, i), text, i).toString();
            }
        }
        return text;
    }

    /** Appends the text escaped (nothing for null). */
    public static StringBuilder append(StringBuilder out, String text) {
        return text == null ? out : escapeFrom(out, text, 0);
    }

    private static StringBuilder escapeFrom(StringBuilder out, String text, int from) {
        int plain = from;
        for (int i = from; i < text.length(); i++) {
            String replacement = replacement(text.charAt(i));
            if (replacement != null) {
                out.append(text, plain, i).append(replacement);
                plain = i + 1;
            }
        }
        return out.append(text, plain, text.length());
    }

    private static String replacement(char c) {
        return switch (c) {
            case '&' -> "&amp;";
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '"' -> "&quot;";
            default -> null;
        };
    }
}
