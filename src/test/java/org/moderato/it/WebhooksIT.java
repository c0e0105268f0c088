package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.moderato.platform.Hmac;
import org.moderato.platform.Randomness;
import org.moderato.testing.AdminWebhooks;
import org.moderato.testing.ApiClient;
import org.moderato.testing.Comments;
import org.moderato.testing.DirectDatabase;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.LeakScanner;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.WebClient;

/**
 * Webhooks on a server of their own (retries a second apart): a receiver on loopback gets a signed
 * delivery when a comment is held and when it is approved, gets the same delivery again after it
 * answered 500, and never an email or IP address. The secret is stored sealed (the database holds no
 * copy of it), and one an earlier version stored in plain is sealed at the next start and still signs.
 */
class WebhooksIT {

    private static ModeratoServer server;
    private static HttpServer receiver;
    private static final BlockingQueue<Received> RECEIVED = new LinkedBlockingQueue<>();
    /** How many of the next requests the receiver refuses with a 500. */
    private static final AtomicInteger REFUSE_NEXT = new AtomicInteger();

    record Received(Map<String, List<String>> headers, String body, int answered) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(e -> e.getValue().get(0))
                    .findFirst().orElse(null);
        }
    }

    @BeforeAll
    static void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = REFUSE_NEXT.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            RECEIVED.add(new Received(Map.copyOf(exchange.getRequestHeaders()), body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        Path dataDir = Files.createTempDirectory("moderato-webhooks-");
        Map<String, String> settings = new HashMap<>(ModeratoServer.databaseOpenToTests(dataDir));
        settings.put("MODERATO_WEBHOOK_RETRY_SECONDS", "1");
        server = ModeratoServer.startFresh(dataDir, settings);
        server.allowQuickPosting(ModeratoServer.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static Received next(String event) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < until) {
            Received r = RECEIVED.poll(1, TimeUnit.SECONDS);
            if (r != null && event.equals(r.header("X-Moderato-Event"))) {
                return r;
            }
        }
        throw new AssertionError("no " + event + " delivery within 20 s");
    }

    private static void assertSigned(Received r, String secret) {
        String timestamp = r.header("X-Moderato-Timestamp");
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) < 60, "a fresh timestamp");
        assertEquals("sha256=" + Hmac.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + r.body()),
                r.header("X-Moderato-Signature"), "signed with the webhook's secret over the timestamp and the body");
    }

    @Test
    void heldAndApprovedCommentsAreDeliveredSignedAndRetriedWithoutAnAddress() throws Exception {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String secret = AdminWebhooks.add(admin, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "held", "approved", "reported");
        try (DirectDatabase db = DirectDatabase.openWhileRunning(server)) {
            assertEquals(List.of(), db.cellsContaining(secret), "the secret is stored sealed: no copy of the database holds it");
            assertFalse(db.cellsContaining("127.0.0.1:" + receiver.getAddress().getPort() + "/hook").isEmpty(), "the search finds what is stored in plain");
        }
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "hooked-" + tag + "@example.org";

        // the first attempt is refused: the same delivery comes again a second later
        REFUSE_NEXT.set(1);
        long id = Comments.postAndGetId(WebClient.anonymous(server), "welcome-to-moderato", "Hooked " + tag, email, "Hold me " + tag, null);
        Received refused = next("comment.held");
        assertEquals(500, refused.answered());
        Received held = next("comment.held");
        assertEquals(refused.header("X-Moderato-Delivery"), held.header("X-Moderato-Delivery"), "a retry is the same delivery");
        assertEquals(refused.body(), held.body());
        assertSigned(held, secret);
        JsonNode json = ApiClient.JSON.readTree(held.body());
        assertEquals("comment.held", json.get("event").asText());
        assertEquals(id, json.get("comment").get("id").asLong());
        assertEquals("pending", json.get("comment").get("status").asText());
        assertEquals("Hold me " + tag, json.get("comment").get("text").asText());
        assertTrue(json.get("comment").get("reasons").asText().startsWith("held:"), held.body());

        admin.moderate("/moderation", id, "Approve");
        Received approved = next("comment.approved");
        assertSigned(approved, secret);
        assertEquals("approved", ApiClient.JSON.readTree(approved.body()).get("comment").get("status").asText());

        // a reader reports the published comment
        WebClient reader = WebClient.anonymous(server);
        HttpPage page = reader.get("/report?comment=" + id);
        Matcher token = Pattern.compile("name=\"moderato_token\" value=\"([^\"]*)\"").matcher(page.body());
        assertTrue(token.find(), page.body());
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("comment", Long.toString(id));
        form.put("reason", "harassment");
        form.put("law", "");
        form.put("explanation", "");
        form.put("notifier-name", "");
        form.put("notifier-email", "reporter-" + tag + "@example.org");
        form.put("note", "");
        form.put("comment_extra", "");
        form.put("moderato_token", token.group(1));
        assertEquals(303, reader.postForm("/report", form).status());
        Received reported = next("comment.reported");
        assertSigned(reported, secret);
        JsonNode report = ApiClient.JSON.readTree(reported.body()).get("report");
        assertEquals("harassment", report.get("reason").asText());
        assertEquals(1, report.get("openReports").asInt());

        LeakScanner leaks = new LeakScanner(List.of(email, "reporter-" + tag + "@example.org"));
        for (Received r : List.of(refused, held, approved, reported)) {
            assertEquals(List.of(), leaks.findIn(r.body() + r.headers()), "no address in a delivery");
            assertTrue(!r.body().contains("127.0.0.1"), "no IP address in a delivery: " + r.body());
        }
        HttpPage hooks = admin.get("/admin/webhooks");
        assertTrue(hooks.body().contains("3 delivered, 0 waiting, 0 failed"), hooks.body());
        assertTrue(hooks.body().contains("answered 500"), "the page shows the last error");

        // a secret an earlier version stored in plain is sealed at the next start, and deliveries are still signed with it
        String plain = "whsec_" + HexFormat.of().formatHex(Randomness.bytes(24));
        try (DirectDatabase db = DirectDatabase.openWhileRunning(server);
             PreparedStatement update = db.connection().prepareStatement("UPDATE webhooks SET secret = ?")) {
            update.setString(1, plain);
            assertEquals(1, update.executeUpdate());
        }
        server.stop();
        server.start();
        try (DirectDatabase db = DirectDatabase.openWhileRunning(server)) {
            assertEquals(List.of(), db.cellsContaining(plain), "sealed at start-up");
        }
        Comments.postAndGetId(WebClient.anonymous(server), "welcome-to-moderato", "Hooked " + tag, email, "Hold me again " + tag, null);
        assertSigned(next("comment.held"), plain);
    }

    @Test
    void anAddressThatIsNotHttpIsRefusedAndNothingIsAdded() throws IOException {
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        HttpPage page = admin.get("/admin/webhooks");
        Map<String, String> form = HtmlForm.fields(page.body(), "webhooksform");
        form.put("webhook-url", "file:///etc/passwd");
        form.put("event-held", "on");
        form.put("webhook-add", "Add webhook");
        HttpPage refused = admin.postForm("/admin/webhooks", form);
        assertTrue(refused.body().contains("address: http:// or https://, at most 500 characters."), refused.body());
        assertTrue(!admin.get("/admin/webhooks").body().contains("file:///etc/passwd"), "nothing was added");
    }
}
