package org.moderato.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Runs a scheduled job once per cluster rather than once per node: every node's timer fires, and the
 * node that takes the job's lease (table {@code job_leases}, one conditional UPDATE in its own
 * transaction) runs it; the others find it taken until it expires. A lease is shorter than the job's
 * period, so a node that died holding one delays the job by one period at most. A single node always
 * takes it.
 */
@Stateless
public class JobLease {

    /** This node, for the lease rows (and a log reader): random per start. */
    static final String NODE = UUID.randomUUID().toString();

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    /** Whether this node may run {@code job} now; if so the job is this node's for {@code length}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean take(String job, Duration length) {
        try (Connection connection = dataSource.getConnection()) {
            return take(connection, job, NODE, Instant.now(), length);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the lease of " + job, e);
        }
    }

    static boolean take(Connection connection, String job, String node, Instant now, Duration length) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE job_leases SET holder = ?, expires_at = ? WHERE name = ? AND expires_at <= ?")) {
            update.setString(1, node);
            update.setTimestamp(2, Timestamp.from(now.plus(length)));
            update.setString(3, job);
            update.setTimestamp(4, Timestamp.from(now));
            return update.executeUpdate() == 1;
        }
    }
}
