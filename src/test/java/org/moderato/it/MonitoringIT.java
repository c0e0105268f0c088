package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.HtmlForm;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.Readers;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Health and metrics the standard way: MicroProfile Health's liveness and readiness (the database
 * checked in readiness, not in liveness), and the application's MicroProfile Metrics at {@code /metrics}
 * in Prometheus text, read as a Prometheus scraper reads them: submissions by outcome, the queue, the page
 * cache, the public doors' latency (timers) and the mail and webhook outboxes by state.
 */
@ExtendWith(SharedServer.class)
class MonitoringIT {

    private static final String ARTICLE = "why-comments-need-moderation";

    @Test
    void livenessAndReadinessAnswerWithTheirChecks(ModeratoServer server) throws IOException {
        WebClient client = WebClient.anonymous(server);
        HttpPage live = client.get("/health/live");
        assertEquals(200, live.status(), live.body());
        assertTrue(live.body().contains("\"status\":\"UP\""), live.body());
        assertTrue(!live.body().contains("database"), "liveness does not depend on the database: " + live.body());
        HttpPage ready = client.get("/health/ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.body().contains("{\"name\":\"database\",\"status\":\"UP\""), ready.body());
    }

    @Test
    void submissionsAreCountedByOutcome(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        double storedBefore = stored(server);
        double refusedBefore = metric(server, "moderato_comments_submitted_total", "outcome=\"refused\"");
        HttpPage posted = reader.postComment(ARTICLE, "Metrics Reader", "metrics.reader@example.com", "", "Counted once " + System.nanoTime());
        assertEquals(303, posted.status(), posted.body());
        HttpPage refused = reader.postComment(ARTICLE, "", "", "", "No name, no address");
        assertEquals(400, refused.status(), refused.body());

        assertEquals(storedBefore + 1, stored(server), "one stored submission, whatever its verdict");
        assertEquals(refusedBefore + 1, metric(server, "moderato_comments_submitted_total", "outcome=\"refused\""));
        assertTrue(metric(server, "moderato_queue_pending", "") >= 0);
    }

    @Test
    void pageCacheHitsAndMissesAreCounted(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        reader.get("/articles/" + ARTICLE);
        double hits = metric(server, "moderato_page_cache_hits_total", "");
        double misses = metric(server, "moderato_page_cache_misses_total", "");
        assertEquals(200, reader.get("/articles/" + ARTICLE).status());
        assertEquals(hits + 1, metric(server, "moderato_page_cache_hits_total", ""), "the kept page answered");
        assertEquals(200, reader.get("/articles/" + ARTICLE + "?cpage=9").status());
        assertEquals(misses + 1, metric(server, "moderato_page_cache_misses_total", ""), "a page not kept yet was rendered");
    }

    @Test
    void thePublicDoorsAreTimed(ModeratoServer server) throws IOException {
        WebClient reader = WebClient.anonymous(server);
        double pages = metric(server, "moderato_request_duration_seconds_count", "door=\"article-page\"");
        double posts = metric(server, "moderato_request_duration_seconds_count", "door=\"comment-post\"");
        double postSeconds = metric(server, "moderato_request_duration_seconds_sum", "door=\"comment-post\"");
        assertEquals(200, reader.get("/articles/" + ARTICLE).status());
        // the form's post opens the article first (its form token), then posts
        HttpPage posted = reader.postComment(ARTICLE, "Timed Reader", "timed." + System.nanoTime() + "@example.com", "", "Timed " + System.nanoTime());
        assertEquals(303, posted.status(), posted.body());

        assertEquals(pages + 2, metric(server, "moderato_request_duration_seconds_count", "door=\"article-page\""), "two article GETs");
        assertEquals(posts + 1, metric(server, "moderato_request_duration_seconds_count", "door=\"comment-post\""), "one comment POST");
        assertTrue(metric(server, "moderato_request_duration_seconds_sum", "door=\"comment-post\"") > postSeconds, "its time added up");
        assertTrue(metric(server, "moderato_request_duration_seconds_max", "door=\"comment-post\"") > 0);
    }

    @Test
    void theOutboxesAreCountedByState(ModeratoServer server) throws Exception {
        for (String outbox : new String[] {"moderato_mail_outbox", "moderato_webhook_outbox"}) {
            for (String state : new String[] {"queued", "failed"}) {
                assertTrue(metric(server, outbox, "state=\"" + state + "\"") >= 0, outbox + " " + state);
            }
        }
        // a webhook nobody answers: its delivery of a held comment waits in the outbox, retried, until the webhook goes
        WebClient admin = WebClient.withCookies(server);
        admin.logIn("admin", ModeratoServer.ADMIN_PASSWORD);
        String url = "http://127.0.0.1:" + ModeratoServer.freePort() + "/nobody-" + System.nanoTime();
        Map<String, String> form = HtmlForm.fields(admin.get("/admin/webhooks").body(), "webhooksform");
        form.put("webhook-url", url);
        form.put("event-held", "on");
        form.put("webhook-add", "Add webhook");
        assertEquals(200, admin.postForm("/admin/webhooks", form).status());
        double queued = metric(server, "moderato_webhook_outbox", "state=\"queued\"");
        Readers.pending(server, "Waiting in the webhook outbox " + System.nanoTime());
        double waiting = awaitMetric(server, "moderato_webhook_outbox", "state=\"queued\"", v -> v >= queued + 1);

        HttpPage page = admin.get("/admin/webhooks");
        Matcher remove = Pattern.compile("<td class=\"webhook-url\">" + Pattern.quote(url) + "</td>.*?name=\"([^\"]+)\" value=\"Remove\"",
                Pattern.DOTALL).matcher(page.body());
        assertTrue(remove.find(), page.body());
        Map<String, String> removal = HtmlForm.fields(page.body(), "webhooksform");
        removal.remove("webhook-add");
        removal.put(remove.group(1), "Remove");
        assertEquals(200, admin.postForm("/admin/webhooks", removal).status());
        awaitMetric(server, "moderato_webhook_outbox", "state=\"queued\"", v -> v <= waiting - 1);
    }

    /** Waits (the gauges count at most once a second) until the sample satisfies {@code condition}; returns it. */
    private static double awaitMetric(ModeratoServer server, String name, String label, java.util.function.DoublePredicate condition)
            throws IOException, InterruptedException {
        long until = System.nanoTime() + 15_000_000_000L;
        while (true) {
            double value = metric(server, name, label);
            if (condition.test(value)) {
                return value;
            }
            if (System.nanoTime() > until) {
                throw new AssertionError(name + "{" + label + "} is still " + value);
            }
            Thread.sleep(200);
        }
    }

    private static double stored(ModeratoServer server) throws IOException {
        return metric(server, "moderato_comments_submitted_total", "outcome=\"approved\"")
                + metric(server, "moderato_comments_submitted_total", "outcome=\"held\"")
                + metric(server, "moderato_comments_submitted_total", "outcome=\"spam\"");
    }

    /** The value of the Prometheus sample {@code name{...}} whose labels contain {@code label}. */
    private static double metric(ModeratoServer server, String name, String label) throws IOException {
        HttpPage metrics = WebClient.anonymous(server).get("/metrics");
        assertEquals(200, metrics.status());
        Matcher sample = Pattern.compile("^" + name + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE).matcher(metrics.body());
        while (sample.find()) {
            if (sample.group(1).contains(label) && sample.group(1).contains("mp_scope=\"application\"")) {
                return Double.parseDouble(sample.group(2));
            }
        }
        throw new AssertionError("no " + name + "{" + label + "} in /metrics:\n" + metrics.body());
    }
}
