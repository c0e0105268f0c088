package org.moderato.comment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Range;
import org.jsoup.parser.ParseSettings;
import org.jsoup.parser.Parser;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.moderato.platform.LruByteCache;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.HtmlStreamEventReceiver;
import org.owasp.html.HtmlStreamRenderer;
import org.owasp.html.PolicyFactory;

/**
 * Renders a comment's stored text as safe HTML: WordPress's allowed tags survive (links get
 * {@code rel="nofollow ugc noopener"}), everything else is shown exactly as the reader typed it,
 * blank lines become paragraphs and single newlines line breaks. The stored text is never changed;
 * this runs on output, for the article page and the queue alike.
 *
 * <p>One tokenizer decides where a tag ends: jsoup's, which follows the HTML rules for quotes
 * ({@code <iframe srcdoc="<b>x</b>">} is one tag) and reports where in the text each tag stood.
 * Allowed tags are written anew from their parsed name and allowed attributes; every other character
 * is escaped from the source, so nothing typed is lost and no second parser can disagree. jsoup's XML
 * tree builder is used because it keeps tags in the order typed (the HTML one moves text around
 * tables and closes tags by its own rules). OWASP's policy then checks URLs, balances the tags and
 * adds {@code rel}. Every step is linear in the text.
 *
 * <p>Only the text up to its {@value #MAX_TAG_STARTS}th {@code <} is read for tags; the rest is
 * shown as typed. A tag costs the parser and the policy a hundred times what a letter costs (65 KB of
 * {@code <b>} took 30 ms of CPU to render, a thousand {@code <b x1>} still 4 ms, and a queue page
 * shows 50 comments), and no comment a person writes has hundreds of tags.
 */
public final class CommentText {

    /** The allowed tags and, for each, the attributes kept. */
    private static final Map<String, List<String>> ALLOWED = Map.ofEntries(
            Map.entry("a", List.of("href", "title")), Map.entry("abbr", List.of("title")), Map.entry("acronym", List.of("title")),
            Map.entry("b", List.of()), Map.entry("blockquote", List.of("cite")), Map.entry("cite", List.of()),
            Map.entry("code", List.of()), Map.entry("del", List.of("datetime")), Map.entry("em", List.of()),
            Map.entry("i", List.of()), Map.entry("q", List.of("cite")), Map.entry("s", List.of()),
            Map.entry("strike", List.of()), Map.entry("strong", List.of()));

    private static final PolicyFactory POLICY = policy();

    /** How many runs of newlines become line breaks or paragraphs; later newlines stay in the text (each break is several events for the policy). */
    static final int MAX_BREAKS = 500;

    /** How many {@code <} are read for tags; from the next one on, everything is text. */
    static final int MAX_TAG_STARTS = 200;

    private CommentText() {}

    /**
     * Long texts rendered before, by their text: the queue shows the same comments page after page,
     * and a long hostile text costs tens of milliseconds to render. Bounded by the characters kept.
     */
    private static final LruByteCache<String, Rendered> RENDERED = new LruByteCache<>(8L * 1024 * 1024,
            rendered -> 2L * (rendered.text().length() + rendered.html().length()));
    private static final int WORTH_KEEPING = 2_000;

    private record Rendered(String text, String html) {}

    public static String toHtml(String text) {
        if (text.length() < WORTH_KEEPING) {
            return render(text);
        }
        Rendered kept = RENDERED.get(text);
        if (kept != null) {
            return kept.html();
        }
        String html = render(text);
        RENDERED.put(text, new Rendered(text, html));
        return html;
    }

    private static String render(String text) {
        String typed = text.strip();
        StringBuilder html = new StringBuilder(typed.length() + 32);
        HtmlStreamEventReceiver out = POLICY.apply(HtmlStreamRenderer.create(html, unused -> {}));
        out.openDocument();
        Paragraphs paragraphs = new Paragraphs(out);
        int at = 0;
        for (Tag tag : allowedTags(typed)) {
            paragraphs.text(typed, at, tag.start());
            paragraphs.tag(tag);
            at = tag.end();
        }
        paragraphs.text(typed, at, typed.length());
        paragraphs.end();
        out.closeDocument();
        return html.toString();
    }

    /** An allowed tag as typed from {@code start} to {@code end}: an opening (with its attributes), a closing, or both. */
    private record Tag(int start, int end, String name, List<String> attributes, boolean opens, boolean closes) {}

    private static List<Tag> allowedTags(String text) {
        int markupEnd = endOfMarkup(text);
        if (markupEnd == 0) {
            // most comments have no tag at all: no parser for them
            return List.of();
        }
        Parser parser = Parser.xmlParser().settings(ParseSettings.htmlDefault).setTrackPosition(true);
        List<Tag> tags = new ArrayList<>();
        NodeTraversor.traverse((NodeVisitor) (node, depth) -> {
            if (node instanceof Element element && ALLOWED.containsKey(element.normalName())) {
                String name = element.normalName();
                Range start = element.sourceRange();
                Range end = element.endSourceRange();
                if (start.isTracked() && start.endPos() > start.startPos()) {
                    // "<b/>" opens and closes: left open, it would bold the rest of the paragraph
                    boolean selfClosing = text.startsWith("/>", start.endPos() - 2);
                    tags.add(new Tag(start.startPos(), start.endPos(), name, attributes(element), true, selfClosing));
                }
                if (end.isTracked() && end.endPos() > end.startPos()) {
                    tags.add(new Tag(end.startPos(), end.endPos(), name, List.of(), false, true));
                }
            }
        }, Jsoup.parse(text.substring(0, markupEnd), "", parser));
        tags.sort(Comparator.comparingInt(Tag::start));
        return tags;
    }

    /**
     * Where the part read for tags ends: at the last {@code >} before the {@code <} that follows the first
     * {@value #MAX_TAG_STARTS} (or the end). A tag ends with {@code >}, so after the last one there is only
     * text, and a comment without markup is not parsed at all.
     */
    static int endOfMarkup(String text) {
        int cut = -1;
        for (int starts = 0; starts <= MAX_TAG_STARTS && cut < text.length(); starts++) {
            cut = text.indexOf('<', cut + 1);
            if (cut < 0) {
                cut = text.length();
            }
        }
        return text.lastIndexOf('>', cut - 1) + 1;
    }

    private static List<String> attributes(Element element) {
        List<String> attributes = new ArrayList<>();
        for (String name : ALLOWED.get(element.normalName())) {
            if (element.hasAttr(name)) {
                attributes.add(name);
                attributes.add(element.attr(name));
            }
        }
        return attributes;
    }

    /**
     * Text and tags in the order typed, with blank lines as paragraph breaks and single newlines as
     * line breaks (the first {@value #MAX_BREAKS}); whitespace around a break is dropped. One pass, no pattern.
     */
    private static final class Paragraphs {
        private final HtmlStreamEventReceiver out;
        private boolean open;
        private int newlines;
        private int breaks;

        Paragraphs(HtmlStreamEventReceiver out) {
            this.out = out;
        }

        void text(String text, int from, int to) {
            int segment = from;
            int i = from;
            while (i < to && breaks < MAX_BREAKS) {
                if (text.charAt(i) != '\n') {
                    i++;
                    continue;
                }
                int runStart = i;
                while (runStart > segment && Character.isWhitespace(text.charAt(runStart - 1))) {
                    runStart--;
                }
                if (runStart > segment) {
                    content(text.substring(segment, runStart));
                }
                for (; i < to && Character.isWhitespace(text.charAt(i)); i++) {
                    newlines += text.charAt(i) == '\n' ? 1 : 0;
                }
                breaks++;
                segment = i;
            }
            if (segment < to) {
                content(text.substring(segment, to));
            }
        }

        void tag(Tag tag) {
            breakIfNeeded();
            if (tag.opens()) {
                out.openTag(tag.name(), new ArrayList<>(tag.attributes()));
            }
            if (tag.closes()) {
                out.closeTag(tag.name());
            }
        }

        void end() {
            if (open) {
                out.closeTag("p");
            }
        }

        private void content(String text) {
            breakIfNeeded();
            out.text(text);
        }

        private void breakIfNeeded() {
            if (!open) {
                out.openTag("p", new ArrayList<>());
                open = true;
            } else if (newlines >= 2) {
                out.closeTag("p");
                out.openTag("p", new ArrayList<>());
            } else if (newlines == 1) {
                out.openTag("br", new ArrayList<>());
                out.text("\n");
            }
            newlines = 0;
        }
    }

    private static PolicyFactory policy() {
        HtmlPolicyBuilder policy = new HtmlPolicyBuilder()
                .allowElements(ALLOWED.keySet().toArray(String[]::new))
                .allowElements("p", "br")
                .allowUrlProtocols("http", "https", "mailto")
                .requireRelsOnLinks("nofollow", "ugc", "noopener");
        ALLOWED.forEach((element, attributes) -> attributes.forEach(a -> policy.allowAttributes(a).onElements(element)));
        return policy.toFactory();
    }
}
