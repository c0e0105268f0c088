package org.moderato.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * An outbox's size as a MicroProfile Metrics gauge per state ({@code name{state="queued"}}, ...), counted
 * in the database, so every node of a cluster reports the cluster's outbox. A scrape costs one grouped
 * count on the outbox's {@code (state, ...)} index (the states shown only), and at most one a second however often it is scraped.
 * A database that does not answer makes the gauges NaN, not the whole {@code /metrics} page an error.
 */
public final class OutboxGauge {

    private static final long FRESH_NANOS = 1_000_000_000L;
    private static final Logger LOG = Logger.getLogger(OutboxGauge.class.getName());

    private final DataSource dataSource;
    private final String table;
    private final Map<String, List<String>> states;
    private Map<String, Double> counts = Map.of();
    private long countedAt;

    /**
     * Registers {@code name} with one gauge per key of {@code states}, each the number of rows in one of its
     * stored states (e.g. "queued" = QUEUED and SENDING, not sent yet).
     */
    public static void register(MetricRegistry registry, DataSource dataSource, String name, String description, String table,
                                Map<String, List<String>> states) {
        OutboxGauge gauge = new OutboxGauge(dataSource, table, states);
        Metadata metadata = Metadata.builder().withName(name).withDescription(description).build();
        for (String state : states.keySet()) {
            registry.gauge(metadata, gauge, g -> g.count(state), new Tag("state", state));
        }
    }

    private OutboxGauge(DataSource dataSource, String table, Map<String, List<String>> states) {
        this.dataSource = dataSource;
        this.table = table;
        this.states = states;
    }

    synchronized double count(String state) {
        if (countedAt == 0 || System.nanoTime() - countedAt > FRESH_NANOS) {
            counts = countNow();
            countedAt = System.nanoTime();
        }
        return counts.getOrDefault(state, Double.NaN);
    }

    private Map<String, Double> countNow() {
        Map<String, Double> byStored = new HashMap<>();
        // only the states shown: a range of the (state, ...) index each, never the sent rows of years
        List<String> stored = states.values().stream().flatMap(List::stream).distinct().toList();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT state, COUNT(*) FROM " + table + " WHERE state IN ("
                     + String.join(", ", stored.stream().map(s -> "?").toList()) + ") GROUP BY state")) {
            for (int i = 0; i < stored.size(); i++) {
                count.setString(i + 1, stored.get(i));
            }
            try (ResultSet rs = count.executeQuery()) {
                while (rs.next()) {
                    byStored.put(rs.getString(1).toUpperCase(Locale.ROOT), (double) rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Cannot count " + table + " for /metrics", e);
            return Map.of();
        }
        Map<String, Double> result = new HashMap<>();
        states.forEach((state, kinds) -> result.put(state, kinds.stream().mapToDouble(s -> byStored.getOrDefault(s, 0.0)).sum()));
        return result;
    }
}
