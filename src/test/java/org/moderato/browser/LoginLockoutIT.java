package org.moderato.browser;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * Brute force: five failed logins for one account within 15 minutes lock that account, whatever the
 * password after; the refusal reads the same for an account that does not exist; and one address
 * trying many names is stopped too. On a server of its own (the lock would stop every other test,
 * all of which log in from 127.0.0.1), allowing 11 failures per address so the per-account rule shows
 * on its own first.
 */
class LoginLockoutIT {

    private static final String UNKNOWN = "Unknown username or password.";
    private static final String LOCKED = "Too many failed logins. Please wait 15 minutes and try again.";
    private static ModeratoServer server;

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @BeforeAll
    static void start() throws IOException {
        server = ModeratoServer.startFresh(Map.of("MODERATO_LOGIN_ATTEMPTS_PER_IP", "11"));
        WebClient admin = WebClient.withCookies(server);
        assertEquals(302, admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD).status());
        assertTrue(admin.addUser("lena", "MODERATOR", "lenas-real-password").body().contains("Account lena added"));
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountWithoutSayingWhetherItExists() throws IOException {
        WebDriver browser = browsers.fresh("attacker").driver();
        LoginPage page = LoginPage.open(browser, server);
        for (int i = 1; i <= 5; i++) {
            page = page.logInExpectingFailure("lena", "guess-" + i);
            assertEquals(List.of(UNKNOWN), page.errors(), "attempt " + i);
        }
        LoginPage locked = page.logInExpectingFailure("lena", "lenas-real-password");
        assertAll("even the right password is refused now",
                () -> assertEquals(List.of(LOCKED), locked.errors()),
                () -> assertTrue(browser.findElements(By.id("current-user")).isEmpty(), "nobody is signed in"));
        browser.get(server.url("/moderation"));
        LoginPage.current(browser);

        // the same five failures for a name nobody has: the same words, so the lock tells nothing
        for (int i = 1; i <= 5; i++) {
            assertEquals(List.of(UNKNOWN), errors(WebClient.withCookies(server).logIn("ghost", "guess-" + i)), "ghost " + i);
        }
        assertEquals(List.of(LOCKED), errors(WebClient.withCookies(server).logIn("ghost", "guess-6")));

        // other names from this address still get an answer, until the address has failed 11 times
        assertEquals(List.of(UNKNOWN), errors(WebClient.withCookies(server).logIn("carol", "guess")));
        assertEquals(List.of(LOCKED), errors(WebClient.withCookies(server).logIn("dave", "guess")), "the address is locked");
        assertEquals(List.of(LOCKED), errors(WebClient.withCookies(server).logIn("admin", ModeratoServer.ADMIN_PASSWORD)),
                "for every account");
    }

    private static List<String> errors(HttpPage login) {
        assertEquals(200, login.status(), login.body());
        Matcher m = Pattern.compile("<li[^>]*>(.*?)</li>").matcher(login.element("ul", "login-errors"));
        return m.results().map(r -> r.group(1).strip()).toList();
    }
}
