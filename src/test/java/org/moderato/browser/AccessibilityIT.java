package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.testing.Comments;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * WCAG 2.2 level AA as axe-core checks it, in Chromium, on every kind of page: the reader's (front page,
 * a deep thread, the form with errors, the pending preview), the login, the queue and every staff page.
 * Each test collects every page's violations and reports them together.
 */
@ExtendWith(SharedServer.class)
class AccessibilityIT {

    private static final String ARTICLE = "your-email-stays-private";
    private static ModeratoServer server;
    private static WebClient admin;
    private static long deepest;
    private static long aboveDeepest;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void aDeepThread(ModeratoServer shared) throws IOException {
        server = shared;
        admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        WebClient reader = WebClient.anonymous(server);
        Long parent = null;
        for (int depth = 1; depth <= 5; depth++) {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            long id = Comments.approved(reader, admin, ARTICLE, "Depth " + depth + " reader", "deep-" + tag + "@example.com",
                    "Level " + depth + " of a deep thread " + tag, parent);
            aboveDeepest = parent == null ? 0 : parent;
            parent = id;
        }
        deepest = parent;
    }

    private final Map<String, List<String>> violations = new LinkedHashMap<>();

    private void check(WebDriver driver, String what) {
        List<String> found = Axe.violations(driver);
        if (!found.isEmpty()) {
            violations.put(what + " (" + driver.getCurrentUrl() + ")", found);
        }
    }

    private void assertNoViolations() {
        assertEquals(Map.of(), violations, "WCAG 2.2 AA violations reported by axe-core");
    }

    @Test
    void readersPages() {
        WebDriver driver = browsers.fresh("reader").driver();
        FrontPage.open(driver, server);
        check(driver, "front page");

        ArticlePage article = ArticlePage.open(driver, server, ARTICLE);
        assertEquals(5, article.depthOf(deepest), "the thread is five levels deep");
        check(driver, "article with a deep thread");

        article.clickReply(aboveDeepest);
        assertTrue(article.formIsUnder(aboveDeepest));
        check(driver, "the reply form moved under a comment");

        ArticlePage refused = ArticlePage.open(driver, server, ARTICLE).postComment("", "", "not-an-address", "");
        assertFalse(refused.fieldError(ArticlePage.Field.AUTHOR).isEmpty(), "the form shows its errors");
        check(driver, "the form with errors");

        String tag = UUID.randomUUID().toString().substring(0, 8);
        ArticlePage preview = ArticlePage.open(driver, server, ARTICLE)
                .postComment("Waiting for a moderator " + tag, "Preview Reader", "preview-" + tag + "@example.com", "");
        assertTrue(preview.awaitingNotice().isPresent(), "the pending preview");
        check(driver, "the pending preview");

        // the author's own link from the preview: the page to edit or delete the comment just posted
        driver.findElement(By.id("own-comment-link")).click();
        assertTrue(driver.findElement(By.id("own-comment-form")).isDisplayed(), "the own-comment page");
        check(driver, "editing one's own comment");
        assertNoViolations();
    }

    @Test
    void staffPages() {
        WebDriver driver = browsers.fresh("admin").driver();
        LoginPage login = LoginPage.open(driver, server);
        check(driver, "login");
        login.logInAs("admin", ModeratoServer.ADMIN_PASSWORD);
        check(driver, "the queue");
        for (String path : List.of("/moderation?status=approved", "/moderation-comment?id=" + deepest, "/account/password",
                "/admin", "/admin/users", "/admin/articles", "/admin/edit-article", "/admin/edit-article?id=1", "/admin/import",
                "/admin/export", "/admin/rules", "/admin/privacy/", "/admin/privacy/keys", "/admin/privacy/log",
                "/admin/privacy/retention", "/admin/privacy/reveal?comment=" + deepest)) {
            driver.get(server.url(path));
            assertFalse(driver.getCurrentUrl().contains("/login"), "still logged in at " + path);
            check(driver, path);
        }
        assertNoViolations();
    }
}
