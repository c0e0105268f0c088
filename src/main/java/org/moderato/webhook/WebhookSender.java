package org.moderato.webhook;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.moderato.platform.Hmac;

/**
 * Sends the outbox's deliveries: after every commit that queued some ({@link WebhookTriggers}) and
 * every five seconds (retries, and rows another node queued). Each is a POST of the JSON payload with
 * {@code X-Moderato-Event}, {@code X-Moderato-Delivery} (the id, the same on every retry),
 * {@code X-Moderato-Timestamp} and {@code X-Moderato-Signature: sha256=HMAC(secret, timestamp + "." + body)};
 * a 2xx answer delivers it, anything else (or no answer in ten seconds) retries later.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int BATCH = 20;

    @Inject
    WebhookOutbox outbox;

    /** The first wait before a retry, doubling after each failure (at most half an hour). */
    @Inject
    @ConfigProperty(name = "moderato.webhook.retry.seconds", defaultValue = "30")
    int retrySeconds;

    private final ReentrantLock draining = new ReentrantLock();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();

    @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void everyFewSeconds() {
        outbox.requeueExpiredLeases(Instant.now());
        drain();
    }

    /** Sends what is due; one drain at a time on this node (a second caller finds the first at work). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void drain() {
        if (!draining.tryLock()) {
            return;
        }
        try {
            for (List<WebhookOutbox.Due> due = outbox.claimDue(Instant.now(), BATCH); !due.isEmpty(); due = outbox.claimDue(Instant.now(), BATCH)) {
                due.forEach(this::send);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "webhook deliveries could not be read; trying again in a few seconds", e);
        } finally {
            draining.unlock();
        }
    }

    private void send(WebhookOutbox.Due due) {
        if (due.secret() == null) {
            outbox.retryLater(due, null, "its secret cannot be read with this server's site secret (a replaced secret.key?):"
                    + " remove the webhook and add it again", retrySeconds, Instant.now());
            return;
        }
        long timestamp = Instant.now().getEpochSecond();
        try {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(due.url())).timeout(TIMEOUT)
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Moderato-Webhook")
                    .header("X-Moderato-Event", due.event())
                    .header("X-Moderato-Delivery", Long.toString(due.id()))
                    .header("X-Moderato-Timestamp", Long.toString(timestamp))
                    .header("X-Moderato-Signature", signature(due.secret(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 == 2) {
                outbox.delivered(due.id(), answer.statusCode(), Instant.now());
            } else {
                outbox.retryLater(due, answer.statusCode(), "answered " + answer.statusCode(), retrySeconds, Instant.now());
            }
        } catch (IOException | IllegalArgumentException e) {
            outbox.retryLater(due, null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()),
                    retrySeconds, Instant.now());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outbox.retryLater(due, null, "interrupted", retrySeconds, Instant.now());
        }
    }

    /** {@code sha256=} and the HMAC-SHA-256 of "timestamp.body" in hex: the receiver checks both, and the timestamp's age. */
    static String signature(String secret, long timestamp, String body) {
        return "sha256=" + Hmac.sha256Hex(secret.getBytes(StandardCharsets.UTF_8), timestamp + "." + body);
    }
}
