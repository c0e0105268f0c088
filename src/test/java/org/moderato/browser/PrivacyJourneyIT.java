package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.testing.Comments;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** An admin reveals one address on purpose and finds it in the privacy log; readers see identicons, not addresses. */
@ExtendWith(SharedServer.class)
class PrivacyJourneyIT {

    private static final String ARTICLE = "your-email-stays-private";

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Test
    void anAdminRevealsOneAddressOnPurposeAndTheRevealIsLogged(ModeratoServer server) throws Exception {
        String tag = unique();
        String email = "Reveal." + tag + "@reveal-" + tag + ".example";
        WebDriver reader = browsers.fresh("reader").driver();
        ArticlePage posted = ArticlePage.open(reader, server, ARTICLE).postComment("Please write to me " + tag, "Writer " + tag, email, "");
        long id = posted.unapprovedIdInUrl().orElseThrow(() -> new AssertionError("not posted: " + posted.currentUrl()));

        WebDriver adminBrowser = browsers.fresh("admin").driver();
        LoginPage.open(adminBrowser, server).logInAs("admin", ModeratoServer.ADMIN_PASSWORD);
        AdminPrivacyPages.Reveal found = AdminPrivacyPages.Requests.fromAdminIndex(adminBrowser, server).openReveal().find(id);
        assertAll("before the click: the comment, masked",
                () -> assertEquals("Writer " + tag, found.author()),
                () -> assertEquals("R•••@r•••.example", found.maskedAddress()),
                () -> assertEquals(Optional.empty(), found.revealedAddress()),
                () -> assertEquals(List.of(), new LeakScanner(List.of(email)).findIn(found.pageSource()), "not in the page before the click"));

        AdminPrivacyPages.Reveal revealed = found.reveal();
        assertEquals(Optional.of(email), revealed.revealedAddress());

        AdminPrivacyPages.Log log = revealed.openLog();
        AdminPrivacyPages.Log.Entry newest = log.entries().get(0);
        assertAll("the newest log entry is this reveal",
                () -> assertEquals("admin", newest.actor()),
                () -> assertEquals("Address revealed", newest.action()),
                () -> assertEquals("comment " + id, newest.comment()),
                () -> assertEquals("address of comment " + id + " shown", newest.detail()));
        assertEquals(List.of(), new LeakScanner(List.of(email)).findIn(log.pageSource()), "the log never holds the address");

        AdminPrivacyPages.Reveal missing = AdminPrivacyPages.Requests.fromAdminIndex(adminBrowser, server).openReveal().find(999_999_999L);
        assertEquals(List.of("There is no comment 999999999."), missing.errors());
    }

    @Test
    void readersSeeTheSameIdenticonForTheSameAuthorAndADifferentOneForOthers(ModeratoServer server) throws Exception {
        String tag = unique();
        WebClient http = WebClient.anonymous(server);
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String first = "face." + tag + "@avatars-" + tag + ".example";
        long a1 = Comments.postAndGetId(http, ARTICLE, "Face One", first, "First face " + tag, null);
        admin.moderate("/moderation", a1, "Approve");
        long a2 = Comments.postAndGetId(http, ARTICLE, "Face One again", first.toUpperCase(), "Same face " + tag, null);
        // held: the address alone earns no trust (no returning-commenter cookie in this client)
        admin.moderate("/moderation", a2, "Approve");
        long b1 = Comments.postAndGetId(http, ARTICLE, "Face Two", "other." + tag + "@avatars-" + tag + ".example", "Other face " + tag, null);
        admin.moderate("/moderation", b1, "Approve");

        WebDriver visitor = browsers.fresh("visitor").driver();
        ArticlePage article = ArticlePage.open(visitor, server, ARTICLE);
        WebElement one = avatar(visitor, a1);
        WebElement again = avatar(visitor, a2);
        WebElement two = avatar(visitor, b1);
        assertAll("one face per author, drawn from a keyed token, loaded by the browser",
                () -> assertEquals(one.getDomAttribute("src"), again.getDomAttribute("src"), "same address, any case: same face"),
                () -> assertNotEquals(one.getDomAttribute("src"), two.getDomAttribute("src")),
                () -> assertTrue(one.getDomAttribute("src").matches("/avatars/[0-9a-f]{32}\\.svg"), one.getDomAttribute("src")),
                () -> assertEquals("", one.getDomAttribute("alt"), "decorative: the name beside it says who"),
                () -> assertTrue(naturalWidth(visitor, one) > 0, "the browser loaded the image (CSP allows it)"),
                () -> assertEquals(List.of(), new LeakScanner(List.of(first)).findIn(article.pageSource())));
    }

    private static WebElement avatar(WebDriver driver, long commentId) {
        return driver.findElement(By.cssSelector("#comment-" + commentId + " img.avatar"));
    }

    private static long naturalWidth(WebDriver driver, WebElement image) {
        Object width = ((JavascriptExecutor) driver).executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0;", image);
        return ((Number) width).longValue();
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }
}
