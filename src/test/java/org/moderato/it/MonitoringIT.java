package org.moderato.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.moderato.testing.HttpPage;
import org.moderato.testing.ModeratoServer;
import org.moderato.testing.SharedServer;
import org.moderato.testing.WebClient;

/**
 * Health and metrics the standard way: MicroProfile Health's liveness and readiness (the database
 * checked in readiness, not in liveness), and the application's MicroProfile Metrics at {@code /metrics}
 * in Prometheus text, read as a Prometheus scraper reads them.
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
