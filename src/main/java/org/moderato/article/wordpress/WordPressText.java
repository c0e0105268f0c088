package org.moderato.article.wordpress;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.moderato.article.ArticleHtml;
import org.moderato.comment.SubmittedText;
import org.moderato.platform.Html;
import org.owasp.html.HtmlSanitizer;

/**
 * Converts between WordPress's HTML and Moderato's storage. Comments: WordPress keeps a few tags in
 * comment text, Moderato keeps plain text and escapes it when showing it, so tags become text (a
 * link keeps its address in brackets) and the export escapes the text again. Posts: the classic
 * editor stores paragraphs as blank lines, which WordPress turns into {@code <p>} when showing them
 * ("autop"); Moderato does that once, at import, then sanitises. Block-editor comments
 * ({@code <!-- wp:... -->}) are dropped by the sanitiser; shortcodes stay as plain text, never run.
 */
public final class WordPressText {

    private static final Set<String> BREAKS_LINE = Set.of("br");
    private static final Set<String> BREAKS_PARAGRAPH = Set.of("p", "div", "blockquote", "pre", "ul", "ol", "li",
            "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr");
    private static final Pattern BLOCK_TAG = Pattern.compile(
            "(?i)<(p|div|h[1-6]|ul|ol|li|blockquote|pre|table|figure|hr|!-- wp:)[\\s>/]");

    private WordPressText() {}

    /** A WordPress comment's HTML as the plain text Moderato stores. */
    public static String commentText(String html) {
        StringBuilder text = new StringBuilder(html.length());
        HtmlSanitizer.sanitize(html, new HtmlSanitizer.Policy() {
            private String href;
            private int linkStart;

            @Override public void openDocument() {}
            @Override public void closeDocument() {}

            @Override
            public void openTag(String name, List<String> attributes) {
                if (BREAKS_LINE.contains(name)) {
                    text.append('\n');
                } else if (BREAKS_PARAGRAPH.contains(name)) {
                    paragraph(text);
                } else if ("a".equals(name)) {
                    href = attribute(attributes, "href");
                    linkStart = text.length();
                }
            }

            @Override
            public void closeTag(String name) {
                if (BREAKS_PARAGRAPH.contains(name)) {
                    paragraph(text);
                } else if ("a".equals(name) && href != null) {
                    String linkText = text.substring(linkStart).strip();
                    if (!href.isBlank() && !linkText.equals(href.strip())) {
                        text.append(" (").append(href.strip()).append(')');
                    }
                    href = null;
                }
            }

            @Override
            public void text(String chunk) {
                text.append(chunk);
            }
        });
        String cleaned = SubmittedText.cleanText(text.toString());
        return cleaned.replaceAll("\n{3,}", "\n\n");
    }

    /** Moderato's plain comment text as WordPress comment HTML: escaped, so it reads the same there. */
    public static String commentHtml(String text) {
        return Html.escape(text);
    }

    /** A post's content as the sanitised HTML of an article. */
    public static String articleHtml(String content) {
        String html = BLOCK_TAG.matcher(content).find() ? content : autop(content);
        return ArticleHtml.sanitise(html);
    }

    /** Blank lines become paragraphs and single newlines breaks, as WordPress shows classic-editor text. */
    static String autop(String content) {
        StringBuilder html = new StringBuilder(content.length() + 64);
        for (String paragraph : content.replace("\r\n", "\n").strip().split("\n\\s*\n")) {
            if (!paragraph.isBlank()) {
                html.append("<p>").append(paragraph.strip().replace("\n", "<br />\n")).append("</p>\n");
            }
        }
        return html.toString();
    }

    private static void paragraph(StringBuilder text) {
        int end = text.length();
        if (end > 0 && !(end >= 2 && text.charAt(end - 1) == '\n' && text.charAt(end - 2) == '\n')) {
            text.append(text.charAt(end - 1) == '\n' ? "\n" : "\n\n");
        }
    }

    private static String attribute(List<String> attributes, String name) {
        for (int i = 0; i + 1 < attributes.size(); i += 2) {
            if (attributes.get(i).equalsIgnoreCase(name)) {
                return attributes.get(i + 1);
            }
        }
        return null;
    }
}
