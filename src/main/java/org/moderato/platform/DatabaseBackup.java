package org.moderato.platform;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ApplicationException;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A consistent copy of the running site's H2 database, for {@code bin/backup}: H2's online {@code BACKUP TO}
 * (MVStore is append-only, so the copy is one committed state, taken without stopping readers or posts) into
 * {@code backups/} in the data directory, owner-only. Only the server can do it, as it holds H2's file lock;
 * on PostgreSQL, {@code bin/backup} runs {@code pg_dump} instead. One backup at a time: a second request while
 * one is written is refused rather than queued, so a loop of requests cannot fill the disk or the pool.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@RolesAllowed(DatabaseBackup.ADMIN_ROLE)
public class DatabaseBackup {

    /** account.Role.ADMIN_NAME; spelled here because platform depends on no feature (DatabaseBackupTest keeps them equal). */
    public static final String ADMIN_ROLE = "admin";

    static final String DIRECTORY = "backups";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final Logger LOG = Logger.getLogger(DatabaseBackup.class.getName());

    /** Why no backup was written: the operator's situation, in a sentence. */
    @ApplicationException
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    @Resource(lookup = DatabaseConfig.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Settings settings;

    @Inject
    GroupCommit groupCommit;

    private final AtomicBoolean writing = new AtomicBoolean();

    /** Writes the backup and returns its file. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Path write() {
        if (!writing.compareAndSet(false, true)) {
            throw new Refused("A backup is being written right now; ask again when it is done.");
        }
        try (Connection connection = dataSource.getConnection()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                throw new Refused("This site runs on " + connection.getMetaData().getDatabaseProductName()
                        + ": bin/backup makes its backup with pg_dump, not through the site.");
            }
            Path directory = settings.dataDir().resolve(DIRECTORY);
            Files.createDirectories(directory);
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
            Path file = freeName(directory);
            try (Statement sql = connection.createStatement()) {
                // the name is ours (digits and dashes under the data directory), not the caller's
                String backup = "BACKUP TO '" + file.toString().replace("'", "''") + "'";
                int writeDelay = groupCommit.writeDelay();
                if (writeDelay <= 0) {
                    sql.execute(backup);
                } else {
                    // H2's background writer also compacts the file, moving pages while BACKUP TO copies it: a backup
                    // taken under posting load restored with an index row missing from its table. Without the writer
                    // each commit writes its own pages and nothing moves.
                    sql.execute("SET WRITE_DELAY 0");
                    try {
                        sql.execute(backup);
                    } finally {
                        sql.execute("SET WRITE_DELAY " + writeDelay);
                    }
                }
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            LOG.info(() -> "Backup written: " + file + " (" + file.toFile().length() + " bytes)");
            return file;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("The backup could not be written", e);
        } finally {
            writing.set(false);
        }
    }

    private static Path freeName(Path directory) {
        String stamp = STAMP.format(ZonedDateTime.now(ZoneOffset.UTC));
        Path file = directory.resolve("moderato-" + stamp + ".zip");
        for (int n = 2; Files.exists(file); n++) {
            file = directory.resolve("moderato-" + stamp + "-" + n + ".zip");
        }
        return file;
    }
}
