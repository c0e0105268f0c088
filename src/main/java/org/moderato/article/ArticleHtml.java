package org.moderato.article;

import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Turns what an admin wrote into the HTML readers get. Markdown is rendered first (CommonMark with
 * tables); then, Markdown or pasted HTML alike, everything goes through one allow-list: headings,
 * paragraphs, lists, links, images, blockquotes, code and tables. Staff input is untrusted input too:
 * no scripts, styles, event handlers, forms, frames or {@code javascript:} links survive.
 */
public final class ArticleHtml {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,5}");

    private static final PolicyFactory ARTICLE_POLICY = new HtmlPolicyBuilder()
            .allowElements("p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code",
                    "ul", "ol", "li", "dl", "dt", "dd", "figure", "figcaption",
                    "em", "strong", "b", "i", "u", "s", "del", "ins", "sub", "sup", "small", "mark",
                    "abbr", "cite", "q", "kbd", "samp", "var", "span",
                    "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
                    "a", "img")
            .allowUrlProtocols("http", "https", "mailto")
            .allowAttributes("href").onElements("a")
            .allowAttributes("title").onElements("a", "abbr", "img")
            .allowAttributes("src", "alt").onElements("img")
            .allowAttributes("width", "height").matching(DIGITS).onElements("img")
            .allowAttributes("start").matching(DIGITS).onElements("ol")
            .allowAttributes("colspan", "rowspan").matching(DIGITS).onElements("th", "td")
            .allowAttributes("align").matching(Pattern.compile("left|right|center")).onElements("th", "td")
            // fenced code keeps its language for a stylesheet to pick up; nothing else may set a class
            .allowAttributes("class").matching(Pattern.compile("language-[A-Za-z0-9_+-]{1,40}")).onElements("code")
            .toFactory();

    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser MARKDOWN = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).build();

    private ArticleHtml() {}

    /** Safe HTML for readers from the source in its format. */
    public static String render(BodyFormat format, String source) {
        String html = format == BodyFormat.MARKDOWN ? RENDERER.render(MARKDOWN.parse(source)) : source;
        return sanitise(html);
    }

    /** The article allow-list on its own, for HTML that arrives from elsewhere (an import). */
    public static String sanitise(String html) {
        return ARTICLE_POLICY.sanitize(html).strip();
    }
}
