package org.moderato.platform;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Group commit for the embedded H2 database, as the default URL opens it ({@link ConfiguredDataSource#H2_OPTIONS}):
 * H2 keeps committed transactions in memory and writes them to its file in the background
 * ({@code WRITE_DELAY}), where it also compacts the file. A request that changed something waits here
 * before it is answered ({@link DurableWrites}): one waiting request writes everything committed so far
 * ({@code CHECKPOINT}, H2's own command for it) while the others that arrived meanwhile wait for that
 * write, so several commits share one, and no request is answered before its commits are in the file.
 * Only writes made outside a request (scheduled jobs) wait for H2's background writer, which under load
 * left two seconds of commits unwritten (not {@code WRITE_DELAY} ms); the jobs run again after a restart.
 * On PostgreSQL, where a commit is durable when it returns, and on H2 with {@code WRITE_DELAY=0}, where
 * each commit writes the file itself, this does nothing.
 */
@ApplicationScoped
public class GroupCommit {

    private static final Logger LOG = Logger.getLogger(GroupCommit.class.getName());

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition written = lock.newCondition();
    /** Guarded by {@link #lock}: waits begun so far, the last of them known written, and whether a write is under way. */
    private long begun;
    private long done;
    private boolean writing;
    /** H2's WRITE_DELAY as the URL set it (-1 elsewhere); read once, before a backup can pause the writer. */
    private volatile Integer writeDelay;

    /**
     * Returns once every transaction committed before the call is in the database file. A write
     * that fails is logged and reported to this caller; the next waiter writes again.
     */
    public void awaitWritten() throws SQLException {
        if (!isSharing()) {
            return;
        }
        lock.lock();
        try {
            long ticket = ++begun;
            while (done < ticket) {
                if (writing) {
                    written.awaitUninterruptibly();
                    continue;
                }
                writing = true;
                long upTo = begun;
                boolean ok = false;
                lock.unlock();
                try {
                    checkpoint();
                    ok = true;
                } finally {
                    lock.lock();
                    writing = false;
                    if (ok) {
                        done = Math.max(done, upTo);
                    }
                    written.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void checkpoint() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CHECKPOINT");
        } catch (SQLException e) {
            LOG.log(Level.SEVERE, "H2 could not write its committed transactions to its file", e);
            throw e;
        }
    }

    /** Whether commits wait for a shared write: H2 writing in the background. */
    private boolean isSharing() throws SQLException {
        return writeDelay() > 0;
    }

    /**
     * H2's WRITE_DELAY (ms) as the database was opened with it; -1 for any other database. Read once: a
     * backup sets it to 0 while it copies ({@link DatabaseBackup}), and a read then must not turn group
     * commit off for good. The backup asks here before it pauses the writer, so the first read comes first.
     */
    public int writeDelay() throws SQLException {
        Integer known = writeDelay;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (writeDelay == null) {
                try (Connection connection = dataSource.getConnection()) {
                    writeDelay = writeDelayOf(connection);
                }
            }
            return writeDelay;
        }
    }

    private static int writeDelayOf(Connection connection) throws SQLException {
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return -1;
        }
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            String value = row.next() ? row.getString(1) : null;
            if (value == null || !value.matches("\\d{1,9}")) {
                throw new SQLException("H2 did not say its WRITE_DELAY: " + value);
            }
            return Integer.parseInt(value);
        }
    }
}
