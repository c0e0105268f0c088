package org.moderato.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.ArticleForms;
import org.moderato.testing.Comments;
import org.moderato.testing.Desk;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * A WordPress theme's comment CSS finds the same elements in our thread as in WordPress's own markup for
 * the same thread: every rule of twentytwentyone's style.css (Debian's wordpress-theme-twentytwentyone,
 * installed by bin/test) is run, with a real CSS selector engine, on both comment lists.
 */
@ExtendWith(SharedServer.class)
class WordPressThreadMarkupIT {

    private static final Path THEME_CSS = Path.of("/usr/share/wordpress/wp-content/themes/twentytwentyone/style.css");
    /** A comment selector names one of the classes of WordPress's comment list (generic rules like {@code footer *} are not). */
    private static final Pattern ABOUT_COMMENTS = Pattern.compile(
            "\\.(comments?-[\\w-]+|comment|children|bypostauthor|byuser|reply|vcard|fn|says|avatar|depth-\\d+|parent|even|odd|alt|thread-[\\w-]+|url)(?![\\w-])");
    /** States a static page cannot be in, and pseudo-elements: dropped so the rest of the selector is compared. */
    private static final Pattern DYNAMIC = Pattern.compile(
            "::?(hover|focus-visible|focus-within|focus|active|visited|link|before|after|placeholder|selection|marker|-webkit-[\\w-]+|-moz-[\\w-]+|-ms-[\\w-]+)(\\([^)]*\\))?");

    @Test
    void twentyTwentyOnesCommentRulesSelectTheSameElementsAsOnWordPress(ModeratoServer server) throws IOException {
        Document ours = commentList(Jsoup.parse(threadOnModerato(server)));
        Document wordpress;
        try (InputStream in = getClass().getResourceAsStream("/wordpress/thread-twentytwentyone.html")) {
            wordpress = commentList(Jsoup.parse(in, "UTF-8", ""));
        }
        assertEquals(7, wordpress.select("li.comment").size());
        assertEquals(7, ours.select("li.comment").size(), ours.html());

        List<String> compared = new ArrayList<>();
        Map<String, String> different = new TreeMap<>();
        for (String selector : selectors(Files.readString(THEME_CSS, StandardCharsets.UTF_8))) {
            String expected = matched(wordpress, selector);
            String actual = matched(ours, selector);
            if (!expected.isEmpty() || !actual.isEmpty()) {
                compared.add(selector);
            }
            if (!expected.equals(actual)) {
                different.put(selector, "WordPress [" + expected + "], Moderato [" + actual + "]");
            }
        }
        assertEquals(Map.of(), different, "selectors that find other elements on our page");
        assertTrue(compared.size() >= 20, "the theme's comment rules were found and compared: " + compared);
        assertTrue(compared.containsAll(List.of(".comment-list .children", ".bypostauthor", ".comment-meta .comment-author .fn",
                ".comment-list .depth-3", ".comment-body .reply", ".comment-content")), compared.toString());
    }

    /** Ann > (Bob > admin's reply), Cy; Dee; Eve > Fay, on a new article written by "admin". */
    private static String threadOnModerato(ModeratoServer server) throws IOException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String slug = "thread-markup-" + tag;
        WebClient admin = ArticleAdminIT.admin(server);
        ArticleForms.create(admin, Map.of("title", "Thread markup " + tag, "slug", slug, "byline", "admin",
                "status", "PUBLISHED", "format", "MARKDOWN", "body", "A thread."));
        WebClient reader = WebClient.anonymous(server);
        long ann = approved(admin, reader, slug, "Ann", "Ann's question " + tag, null);
        long bob = Comments.postAndGetId(reader, slug, "Bob", "bob-" + tag + "@example.com", "Bob's answer " + tag, ann);
        Desk.logIn(server, "admin", ModeratoServer.ADMIN_PASSWORD).open("/moderation?s=" + tag)
                .press(bob, "Reply").submitText(bob, "reply-text", "The author's reply " + tag, "Post reply");
        approved(admin, reader, slug, "Cy", "Cy's answer " + tag, ann);
        approved(admin, reader, slug, "Dee", "Dee's remark " + tag, null);
        long eve = approved(admin, reader, slug, "Eve", "Eve's question " + tag, null);
        approved(admin, reader, slug, "Fay", "Fay's answer " + tag, eve);
        return reader.get("/articles/" + slug).body();
    }

    private static long approved(WebClient admin, WebClient reader, String slug, String name, String text, Long parent) throws IOException {
        return Comments.approved(reader, admin, slug, name, name.toLowerCase() + "-" + UUID.randomUUID() + "@example.com", text, parent);
    }

    /** The page's comment list alone, in the wrapper twentytwentyone's comments.php writes around it. */
    private static Document commentList(Document page) {
        Element list = page.selectFirst("ol.comment-list");
        Document alone = Jsoup.parse("<div id=\"comments\" class=\"comments-area default-max-width show-avatars\"></div>");
        alone.getElementById("comments").appendChild(list.clone());
        return alone;
    }

    /** Each matched element as "the n-th comment's tag" (comment ids differ between the two sites), or "list". */
    private static String matched(Document document, String selector) {
        Elements comments = document.select("li.comment");
        return document.select(selector).stream().map(e -> {
            Element comment = e.is("li.comment") ? e : e.closest("li.comment");
            return (comment == null ? "outside" : "comment" + comments.indexOf(comment)) + ":" + e.tagName();
        }).sorted().collect(Collectors.joining(" "));
    }

    /** Every comment selector of every rule, inside @media blocks too; states and pseudo-elements removed. */
    private static List<String> selectors(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        List<String> selectors = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '{') {
                String prelude = plain.substring(start, i).trim();
                if (!prelude.startsWith("@") && !prelude.isEmpty()) {
                    for (String selector : prelude.split(",")) {
                        String usable = DYNAMIC.matcher(selector.trim()).replaceAll("").trim();
                        if (ABOUT_COMMENTS.matcher(usable).find()) {
                            selectors.add(readable(usable));
                        }
                    }
                }
                start = i + 1;
            } else if (c == '}' || c == ';') {
                start = i + 1;
            }
        }
        return selectors;
    }

    private static String readable(String selector) {
        try {
            QueryParser.parse(selector);
            return selector;
        } catch (Selector.SelectorParseException e) {
            throw new AssertionError("a comment selector the engine cannot read: " + selector, e);
        }
    }
}
