package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
                WebClient stranger = WebClient.withCookies(server);
                HttpPage form = stranger.get("/login", from("198.51.100.7"));
                ready.countDown();
                ready.await();
                return postLogIn(stranger, form, victim, guess, from("198.51.100.7"));
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
        Map<String, String> https = new LinkedHashMap<>(from("203.0.113.30"));
        https.put("X-Forwarded-Proto", "https");
        HttpPage login = logIn("admin", ModeratoServer.ADMIN_PASSWORD, https);
        assertEquals(302, login.status());
        assertTrue(sessionCookie(login).contains("; Secure"), sessionCookie(login));
        assertEquals(List.of("max-age=31536000"), login.headerValues("Strict-Transport-Security"));
        assertEquals(1, login.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).count());

        HttpPage plain = logIn("admin", ModeratoServer.ADMIN_PASSWORD, from("203.0.113.30"));
        assertFalse(sessionCookie(plain).contains("Secure"), "plain HTTP: " + sessionCookie(plain));
        assertEquals(List.of(), plain.headerValues("Strict-Transport-Security"));
    }

    @Test
    void forwardedHeadersFromAnAddressNotConfiguredAreIgnored(ModeratoServer untrusting) throws IOException {
        WebClient client = WebClient.withCookies(untrusting);
        Map<String, String> https = Map.of("X-Forwarded-Proto", "https");
        HttpPage login = postLogIn(client, client.get("/login", https), "admin", ModeratoServer.ADMIN_PASSWORD, https);
        assertEquals(302, login.status());
        assertFalse(sessionCookie(login).contains("Secure"), sessionCookie(login));
        assertEquals(List.of(), login.headerValues("Strict-Transport-Security"));
    }

    private static String sessionCookie(HttpPage page) {
        return page.headerValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + page.headers()));
    }

    private static Map<String, String> from(String address) {
        return Map.of("X-Forwarded-For", address);
    }

    private static HttpPage logIn(String username, String password, Map<String, String> headers) throws IOException {
        WebClient client = WebClient.withCookies(server);
        return postLogIn(client, client.get("/login", headers), username, password, headers);
    }

    private static HttpPage postLogIn(WebClient client, HttpPage form, String username, String password, Map<String, String> headers)
            throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("loginform", "loginform");
        fields.put("username", username);
        fields.put("password", password);
        fields.put("login", "Log in");
        fields.put("jakarta.faces.ViewState", form.viewState());
        return client.postForm("/login", fields, headers);
    }

    private static void addModerator(String username, String password) throws IOException {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        assertTrue(admin.addUser(username, "MODERATOR", password).body().contains("added as moderator"));
    }
}
