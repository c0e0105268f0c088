package org.moderato.comment;

/** Renders comment text: everything escaped, blank lines become paragraphs, single newlines breaks. */
public final class CommentText {

    private CommentText() {}

    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        for (String paragraph : text.strip().split("\n\\s*\n")) {
            html.append("<p>").append(escape(paragraph.strip()).replace("\n", "<br>\n")).append("</p>\n");
        }
        return html.toString();
    }

    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
