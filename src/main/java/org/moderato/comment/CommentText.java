package org.moderato.comment;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Renders a comment's stored text as safe HTML: WordPress's allowed tags survive (links get
 * {@code rel="nofollow ugc noopener"}), any other tag is shown as text, blank lines become
 * paragraphs and single newlines line breaks. The stored text is never changed; this runs on output.
 */
public final class CommentText {

    private static final Set<String> ALLOWED = Set.of(
            "a", "abbr", "acronym", "b", "blockquote", "cite", "code", "del", "em", "i", "q", "s", "strike", "strong");

    private static final PolicyFactory POLICY = new HtmlPolicyBuilder()
            .allowElements(ALLOWED.toArray(String[]::new))
            .allowElements("p", "br")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href", "title").onElements("a")
            .allowAttributes("title").onElements("abbr", "acronym")
            .allowAttributes("cite").onElements("blockquote", "q")
            .allowAttributes("datetime").onElements("del")
            .requireRelsOnLinks("nofollow", "ugc", "noopener")
            .toFactory();

    private static final Pattern TAG = Pattern.compile("<(/?)([a-zA-Z][a-zA-Z0-9]*)\\b([^<>]*)>");

    private CommentText() {}

    public static String toHtml(String text) {
        StringBuilder html = new StringBuilder(text.length() + 32);
        for (String paragraph : escapeDisallowedTags(text.strip()).split("\n\\s*\n")) {
            html.append("<p>").append(paragraph.strip().replace("\n", "<br>\n")).append("</p>\n");
        }
        return POLICY.sanitize(html.toString());
    }

    /** "&lt;script&gt;" is shown as text, as a reader who typed it expects; allowed tags go to the sanitiser. */
    static String escapeDisallowedTags(String text) {
        Matcher tag = TAG.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (tag.find()) {
            String name = tag.group(2).toLowerCase(Locale.ROOT);
            tag.appendReplacement(out, Matcher.quoteReplacement(
                    ALLOWED.contains(name) ? tag.group() : "&lt;" + tag.group().substring(1, tag.group().length() - 1) + "&gt;"));
        }
        tag.appendTail(out);
        return out.toString();
    }
}
