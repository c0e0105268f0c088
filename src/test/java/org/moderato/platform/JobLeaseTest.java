package org.moderato.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The lease on the real schema (the migrations in {@code sql/}, on H2): one node per period. */
class JobLeaseTest {

    @Test
    void oneNodeTakesAJobUntilItsLeaseExpires() throws Exception {
        String url = "jdbc:h2:mem:lease-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            Instant now = Instant.parse("2026-12-02T10:17:00Z");
            Duration lease = Duration.ofMinutes(50);
            assertTrue(JobLease.take(db, "privacy-hourly", "node-a", now, lease), "the first node takes it");
            assertFalse(JobLease.take(db, "privacy-hourly", "node-b", now.plusMillis(200), lease), "the other node's timer, a moment later");
            assertFalse(JobLease.take(db, "privacy-hourly", "node-a", now.plusSeconds(60), lease), "not even the holder twice in a period");
            assertTrue(JobLease.take(db, "totals-recount", "node-b", now, lease), "another job is another lease");
            assertTrue(JobLease.take(db, "privacy-hourly", "node-b", now.plus(Duration.ofHours(1)), lease), "the next hour: whoever comes first");
            assertFalse(JobLease.take(db, "no-such-job", "node-a", now, lease), "only the jobs the migration lists");
        }
    }
}
