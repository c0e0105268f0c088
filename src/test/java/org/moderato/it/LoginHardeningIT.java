package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Logins against a server behind a (pretended) reverse proxy on 127.0.0.1: X-Forwarded-For gives each
 * test visitor its own address, X-Forwarded-Proto says the visitor used HTTPS.
 */
@ExtendWith(SharedServer.class)
class LoginHardeningIT {

    private static final int LIMIT = 3;
    private static final String UNKNOWN = "Unknown username or password.";
    private static final String TOO_MANY = "Too many failed logins.";
    private static ModeratoServer server;

    @BeforeAll
    static void start() throws IOException {
        server = ModeratoServer.startFresh(Map.of("MODERATO_LOGIN_ATTEMPTS", Integer.toString(LIMIT),
                "MODERATO_LOGIN_ATTEMPTS_PER_IP", "1000", "MODERATO_TRUSTED_PROXIES", "127.0.0.1"));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.kill();
        }
    }

    @Test
    void parallelGuessesAreCountedBeforeAnyIsCheckedAndTheOwnerStillGetsInFromAKnownAddress() throws Exception {
        String victim = "victim-" + Readers.unique().substring(0, 6);
        String password = "the-owners-password-1";
        addModerator(victim, password);
        assertEquals(302, logIn(victim, password, from("203.0.113.5")).status(), "the owner logs in from home once");

        int guesses = 12;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch ready = new CountDownLatch(guesses);
        List<Future<HttpPage>> answers = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            String guess = "wrong-guess-" + i + "-x";
            answers.add(pool.submit((Callable<HttpPage>) () -> {
                ready.countDown();
                ready.await();
                return WebClient.withCookies(server).logIn(victim, guess, from("198.51.100.7"));
            }));
        }
        int checked = 0;
        int refused = 0;
        for (Future<HttpPage> answer : answers) {
            String body = answer.get().body();
            checked += body.contains(UNKNOWN) ? 1 : 0;
            refused += body.contains(TOO_MANY) ? 1 : 0;
        }
        pool.shutdown();
        assertTrue(checked <= LIMIT, checked + " of " + guesses + " parallel guesses had their password checked; the limit is " + LIMIT);
        assertEquals(guesses, checked + refused);

        // a burst may have been refused whole (each saw the others); the stranger goes on one guess at a time until locked
        int more = 0;
        while (!logIn(victim, "wrong-guess-again-x", from("198.51.100.7")).body().contains(TOO_MANY)) {
            assertTrue(++more <= LIMIT - checked, "still not locked after " + (checked + more) + " checked guesses");
        }
        assertTrue(logIn(victim, password, from("198.51.100.8")).body().contains(TOO_MANY),
                "the right password from an address never seen is refused while the username is locked");
        assertEquals(302, logIn(victim, password, from("203.0.113.5")).status(),
                "the owner's known address passes the username's lock");

        String log = server.log();
        assertTrue(log.contains("Failed login for username '" + victim + "' from 198.51.100.7"), "failed logins are logged");
        assertTrue(log.contains("Login refused (too many failed attempts) for username '" + victim + "' from 198.51.100.8"));
        for (int i = 0; i < guesses; i++) {
            assertFalse(log.contains("wrong-guess-" + i + "-x"), "a password was logged");
        }
        assertFalse(log.contains(password), "a password was logged");
        assertFalse(log.contains("wrong-guess-again-x"), "a password was logged");
    }

    @Test
    void aTypedUsernameCannotWriteItsOwnLogLine() throws IOException {
        String forged = "nobody-" + Readers.unique().substring(0, 6);
        logIn(forged + "\nSEVERE: forged line", "whatever-password", from("198.51.100.20"));
        String log = server.log();
        assertTrue(log.contains("Failed login for username '" + forged + "?SEVERE: forged line' from 198.51.100.20"), "logged on one line");
        assertFalse(log.contains("\nSEVERE: forged line"));
    }

    @Test
    void overHttpsFromATrustedProxyTheSessionCookieIsSecureAndHstsIsSent() throws IOException {
        // the login form's server-side state starts the session; the test client speaks plain HTTP, so it
        // would rightly not send a Secure cookie back: the answer that sets the cookie is what is checked
        Map<String, String> https = Map.of("X-Forwarded-For", "203.0.113.30", "X-Forwarded-Proto", "https");
        HttpPage form = WebClient.anonymous(server).get("/login", https);
        assertEquals(200, form.status());
        assertTrue(sessionCookie(form).contains("; Secure"), sessionCookie(form));
        assertEquals(1, form.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).count());
        assertEquals(List.of("max-age=31536000"), form.headerValues("Strict-Transport-Security"));

        HttpPage plain = WebClient.anonymous(server).get("/login", from("203.0.113.30"));
        assertFalse(sessionCookie(plain).contains("Secure"), "plain HTTP: " + sessionCookie(plain));
        assertEquals(List.of(), plain.headerValues("Strict-Transport-Security"));
    }

    @Test
    void forwardedHeadersFromAnAddressNotConfiguredAreIgnored(ModeratoServer untrusting) throws IOException {
        HttpPage form = WebClient.anonymous(untrusting).get("/login", Map.of("X-Forwarded-Proto", "https"));
        assertEquals(200, form.status());
        assertFalse(sessionCookie(form).contains("Secure"), sessionCookie(form));
        assertEquals(List.of(), form.headerValues("Strict-Transport-Security"));
    }

    private static String sessionCookie(HttpPage page) {
        return page.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
    }

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    private static HttpPage logIn(String username, String password, Map<String, String> headers) throws IOException {
        return WebClient.withCookies(server).logIn(username, password, headers);
    }

    private static void addModerator(String username, String password) throws IOException {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        assertTrue(admin.addUser(username, "MODERATOR", password).body().contains("added as moderator"));
    }
}
