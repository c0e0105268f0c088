package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.browser.ArticlePage.Field;
import org.moderato.testing.Comments;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;

/**
 * "Your email address will not be published", checked the way an attacker would: comments are posted
 * with unique canary addresses (in browsers and over HTTP), approved, replied to, marked spam, refused
 * and sent back with a validation error; then every URL an anonymous visitor can reach is fetched
 * (crawled from the front page, plus signed previews, error pages and likely feed/API addresses) and
 * no body, header or URL may hold a canary, its unique parts, or its MD5/SHA-1/SHA-256.
 */
@ExtendWith(SharedServer.class)
class EmailLeakIT {

    private static final String WELCOME = "welcome-to-moderato";
    private static final String WHY = "why-comments-need-moderation";
    private static final String PRIVACY = "your-email-stays-private";
    private static final int CRAWL_LIMIT = 400;
    private static final Pattern LINK = Pattern.compile("(?:href|src|action)=\"([^\"]*)\"");
    private static final Pattern EMAIL_INPUT = Pattern.compile("<input[^>]*\\bid=\"email\"[^>]*>");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void noPublicResponseCarriesACommentersAddressOrAHashOfIt(ModeratoServer server) throws IOException {
        String run = unique();
        // mixed case on purpose: the stored form is normalised, hashes of both spellings are looked for
        List<String> canaries = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            canaries.add("Leak" + i + "." + unique() + "@Canary-" + unique() + ".example");
        }
        LeakScanner scanner = new LeakScanner(canaries);
        List<String> signedLinks = new ArrayList<>();
        WebClient admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        WebClient http = WebClient.anonymous(server);

        // 1. a reader posts in a browser: held (first comment), shown to them through the signed link
        WebDriver reader = browsers.fresh("reader").driver();
        ArticlePage first = ArticlePage.open(reader, server, PRIVACY).postComment("First canary comment " + run, "Reader One", canaries.get(0), "");
        long c1 = first.unapprovedIdInUrl().orElseThrow(() -> new AssertionError("not posted: " + first.currentUrl()));
        signedLinks.add(pathAndQuery(first.currentUrl()));
        assertEquals(List.of(), scanner.findIn(first.pageSource()), "the author's own preview");

        // 2. another reader forgets the text: the form comes back with their address in it, for them only
        WebDriver forgetful = browsers.fresh("forgetful").driver();
        ArticlePage refused = ArticlePage.open(forgetful, server, WHY).postComment("", "Reader Two", canaries.get(1), "https://two.example/" + run);
        assertEquals("Please type your comment.", refused.fieldError(Field.COMMENT));
        assertEquals(canaries.get(1), refused.fieldValue(Field.EMAIL), "kept for its author to correct");
        ArticlePage second = refused.fill(Field.COMMENT, "Second canary comment " + run).post();
        long c2 = second.unapprovedIdInUrl().orElseThrow(() -> new AssertionError("not posted: " + second.currentUrl()));
        signedLinks.add(pathAndQuery(second.currentUrl()));

        // the same validation error over HTTP: the address may appear in its own field's value and nowhere else
        HttpPage invalid = http.postComment(WHY, "Reader Two", canaries.get(1), "", "");
        assertEquals(400, invalid.status(), "refused, with the form as typed");
        assertOnlyInTheEmailField(scanner, invalid);

        // 3. more comments over HTTP; a duplicate (409) and a bot without a token (403) are refused
        long c3 = idOf(post(http, WELCOME, "Reader Three", canaries.get(2), "Third canary comment " + run, null), signedLinks);
        long c4 = idOf(post(http, WELCOME, "Reader Four", canaries.get(3), "Fourth canary comment " + run, null), signedLinks);
        HttpPage duplicate = post(http, WELCOME, "Reader Three", canaries.get(2), "Third canary comment " + run, null);
        assertEquals(409, duplicate.status());
        assertOnlyInTheEmailField(scanner, duplicate);
        HttpPage bot = http.postComment(WELCOME, "Reader Six", canaries.get(5), "", "No token " + run, "");
        assertEquals(403, bot.status());
        assertOnlyInTheEmailField(scanner, bot);

        // 4. moderation: approve two, spam one
        admin.moderate("/moderation", c1, "Approve");
        admin.moderate("/moderation", c3, "Approve");
        admin.moderate("/moderation", c4, "Spam");

        // 5. replies: a new reader replies to an approved comment (held, then approved); the first reader's
        //    address replies to the other approved comment from a client without that reader's returning-commenter
        //    token, so it is held like anyone's, behind the same signed link
        long c5 = idOf(post(http, PRIVACY, "Reader Five", canaries.get(4), "Reply to the first " + run, c1), signedLinks);
        admin.moderate("/moderation", c5, "Approve");
        HttpPage trusted = post(http, WELCOME, "Reader One", canaries.get(0).toUpperCase(Locale.ROOT), "Trusted reply " + run, c3);
        assertEquals(303, trusted.status(), trusted.body());
        assertTrue(trusted.location().contains("unapproved="), "the address alone earns no trust: " + trusted.location());
        idOf(trusted, signedLinks);
        long c6 = idOf(post(http, WHY, "Reader Seven", canaries.get(6), "Seventh, left pending " + run, null), signedLinks);

        // 6. every anonymous URL: crawled from the front page, plus what no page links to
        Set<String> seeds = new LinkedHashSet<>(List.of("/", "/articles/" + WELCOME, "/articles/" + WHY, "/articles/" + PRIVACY,
                "/health", "/login", "/no-such-page", "/articles/no-such-article", "/moderation", "/admin/", "/admin/privacy",
                "/api", "/api/comments", "/feed", "/comments/feed", "/rss", "/atom.xml", "/articles/" + WELCOME + "/feed",
                "/articles/" + PRIVACY + "/feed", "/articles/" + PRIVACY + "/feed/atom", "/comments/feed/atom",
                "/avatars/", "/avatars/0.svg", "/static/moderato.css", "/WEB-INF/web.xml", "/index.xhtml"));
        seeds.addAll(signedLinks);
        for (long id : List.of(c1, c2, c3, c4, c5, c6)) {
            seeds.add("/articles/" + PRIVACY + "?replytocom=" + id);
            seeds.add("/articles/" + WELCOME + "?unapproved=" + id + "&moderation-hash=0.0");
        }
        // the JSON API too: each article's thread, its pages, and the same signed previews through the API
        Map<String, Long> articleIds = new java.util.HashMap<>();
        for (String slug : List.of(WELCOME, WHY, PRIVACY)) {
            articleIds.put(slug, Long.parseLong(WebClient.formTokenOf(http.get("/articles/" + slug)).split("\\.")[0]));
            seeds.add("/api/v1/threads/" + articleIds.get(slug));
            seeds.add("/api/v1/threads/" + articleIds.get(slug) + "?page=2");
        }
        java.util.regex.Pattern preview = java.util.regex.Pattern.compile("/articles/([a-z0-9-]+)\\?unapproved=(\\d+)&moderation-hash=([0-9a-f.]+)");
        for (String link : signedLinks) {
            java.util.regex.Matcher m = preview.matcher(link);
            if (m.find()) {
                seeds.add("/api/v1/threads/" + articleIds.get(m.group(1)) + "/pending/" + m.group(2) + "?hash=" + m.group(3));
            }
        }
        seeds.addAll(List.of("/api/openapi", "/api/v1/pages?site=1&url=https://example.org/", "/api/v1/staff/queue", "/embed.js"));
        Map<String, HttpPage> fetched = crawl(http, seeds);
        HttpPage expired = http.postForm("/login", Map.of("loginform", "loginform", "username", "x", "password", "y",
                "login", "Log in", "jakarta.faces.ViewState", "stale"));
        fetched.put("POST /login (expired view)", expired);

        List<String> leaks = new ArrayList<>();
        fetched.values().forEach(page -> leaks.addAll(scanner.findIn(page)));
        assertAll("what the crawl must have seen, so that a clean result means something",
                () -> assertTrue(fetched.size() > 20, "only " + fetched.size() + " responses: " + fetched.keySet()),
                () -> assertTrue(fetched.get("/articles/" + PRIVACY).body().contains("id=\"comment-" + c1 + "\""), "approved comment shown"),
                () -> assertTrue(fetched.get("/articles/" + PRIVACY).body().contains("id=\"comment-" + c5 + "\""), "approved reply shown"),
                () -> assertTrue(fetched.get("/articles/" + PRIVACY + "/feed/atom").body().contains("Reply to the first " + run), "the feeds list it"),
                () -> assertTrue(fetched.get("/comments/feed").body().contains("Reply to the first " + run), "the site feed too"),
                () -> assertTrue(fetched.get(signedLinks.get(1)).body().contains("Second canary comment " + run), "signed preview works"),
                () -> assertTrue(fetched.get("/api/v1/threads/" + articleIds.get(PRIVACY)).body().contains("First canary comment " + run),
                        "the API lists the approved comment"),
                () -> assertTrue(fetched.entrySet().stream().anyMatch(e -> e.getKey().contains("/pending/")
                        && e.getValue().body().contains("Second canary comment " + run)), "the API's signed preview works"),
                () -> assertTrue(fetched.values().stream().anyMatch(p -> p.status() == 404), "an error page was checked"),
                () -> assertTrue(fetched.values().stream().anyMatch(p -> p.path().startsWith("/avatars/") && p.status() == 200),
                        "the avatars of the comments were fetched: " + fetched.keySet()));
        assertEquals(List.of(), leaks, "addresses or hashes of them in public responses");
        assertEquals(List.of(), fetched.values().stream()
                        .filter(p -> !p.path().matches("/(login|moderation|admin)\\b.*") && !p.headerValues("Set-Cookie").isEmpty())
                        .map(HttpPage::toString).toList(),
                "no cookie for readers (the login flow's session cookie is checked for canaries with the other headers)");

        // 7. moderators see the masked form, never the address
        for (String view : List.of("pending", "approved", "spam", "trash")) {
            HttpPage queue = admin.get("/moderation?status=" + view);
            assertEquals(200, queue.status());
            assertEquals(List.of(), scanner.findIn(queue), "the " + view + " queue");
        }
        assertTrue(admin.get("/moderation?status=approved").element("li", "queued-" + c1).contains("L•••@C•••.example"));

        // 8. a fresh browser reading everything, cookies included
        WebDriver visitor = browsers.fresh("visitor").driver();
        for (String path : List.of("/", "/articles/" + PRIVACY, "/articles/" + WELCOME, "/articles/" + WHY, signedLinks.get(0))) {
            visitor.get(server.url(path));
            assertEquals(List.of(), scanner.findIn(visitor.getPageSource()), path + " in a browser");
        }
        assertEquals(List.of(), visitor.manage().getCookies().stream().map(Cookie::toString).toList());
    }

    /** A refused or invalid form is shown to its sender only; the address may be in the email field they typed it into. */
    private static void assertOnlyInTheEmailField(LeakScanner scanner, HttpPage page) {
        Matcher input = EMAIL_INPUT.matcher(page.body());
        assertTrue(input.find(), "the form is shown again: " + page.body());
        String rest = page.body().substring(0, input.start()) + page.body().substring(input.end());
        HttpPage withoutTheField = new HttpPage(page.path(), page.status(), page.headers(), rest);
        assertEquals(List.of(), scanner.findIn(withoutTheField), "only the sender's own email field holds the address");
    }

    private static HttpPage post(WebClient http, String slug, String author, String email, String text, Long parent) throws IOException {
        return Comments.post(http, slug, author, email, text, parent);
    }

    private static long idOf(HttpPage posted, List<String> signedLinks) {
        long id = Comments.idOf(posted);
        if (posted.location().contains("unapproved=")) {
            signedLinks.add(pathAndQuery(posted.location()));
        }
        return id;
    }

    /** Breadth-first over every same-site link, image and form target, starting from the seeds. */
    private static Map<String, HttpPage> crawl(WebClient http, Set<String> seeds) throws IOException {
        Map<String, HttpPage> fetched = new LinkedHashMap<>();
        Deque<String> todo = new ArrayDeque<>(seeds);
        while (!todo.isEmpty() && fetched.size() < CRAWL_LIMIT) {
            String path = todo.removeFirst();
            if (fetched.containsKey(path)) {
                continue;
            }
            HttpPage page = http.get(path);
            fetched.put(path, page);
            page.header("Location").map(EmailLeakIT::sameSitePath).ifPresent(todo::addLast);
            Matcher link = LINK.matcher(page.body());
            while (link.find()) {
                String target = sameSitePath(link.group(1).replace("&amp;", "&"));
                if (target != null && !fetched.containsKey(target)) {
                    todo.addLast(target);
                }
            }
        }
        assertTrue(todo.isEmpty(), "the crawl stopped at " + CRAWL_LIMIT + " URLs; raise the limit");
        return fetched;
    }

    /** The path and query of a link to this site, or null for other sites, fragments only and non-HTTP links. */
    private static String sameSitePath(String link) {
        if (link.isEmpty() || link.startsWith("#") || link.startsWith("mailto:") || link.startsWith("data:") || link.startsWith("//")) {
            return null;
        }
        if (link.startsWith("http://127.0.0.1:") || link.startsWith("/")) {
            return pathAndQuery(link);
        }
        return null;
    }

    private static String pathAndQuery(String url) {
        URI uri = URI.create(url.startsWith("/") ? "http://x" + url : url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
