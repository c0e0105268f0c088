package org.moderato.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.moderato.platform.DatabaseConfig;
import org.moderato.privacy.EmailVault;

/**
 * The H2 file of a stopped server, opened directly: to seed many comments at once (a test-only path
 * no web request can reach) and to look at what is really stored. Only while the server is stopped,
 * unless it was started with its database open to tests ({@link #openWhileRunning}).
 */
public final class DirectDatabase implements AutoCloseable {

    /** Seeded ids start here, far above what the server's sequence hands out in a test. */
    public static final long SEED_IDS = 1_000_000;

    private final Connection db;

    private DirectDatabase(Connection db) {
        this.db = db;
    }

    /** The database of a stopped server (H2 allows no second process on its file), or of any server on PostgreSQL. */
    public static DirectDatabase open(ModeratoServer server) throws SQLException {
        if (server.databaseUrl().startsWith("jdbc:postgresql:")) {
            return new DirectDatabase(DriverManager.getConnection(server.databaseUrl(), server.databaseUser(), ""));
        }
        return open(server.dataDir());
    }

    /** The H2 file of a stopped server in {@code dataDir}. */
    public static DirectDatabase open(Path dataDir) throws SQLException {
        return new DirectDatabase(DriverManager.getConnection(DatabaseConfig.h2Url(dataDir, ""), "sa", ""));
    }

    /** The database of a server started with {@link ModeratoServer#startFreshWithDatabaseOpen()}, while it runs. */
    public static DirectDatabase openWhileRunning(ModeratoServer server) throws SQLException {
        if (server.databaseUrl().startsWith("jdbc:postgresql:")) {
            return open(server);
        }
        return openWhileRunning(server.dataDir());
    }

    /** The H2 file of a server in {@code dataDir} started with its database open to tests, while it runs. */
    public static DirectDatabase openWhileRunning(Path dataDir) throws SQLException {
        return new DirectDatabase(DriverManager.getConnection(DatabaseConfig.h2Url(dataDir, ";AUTO_SERVER=TRUE"), "sa", ""));
    }

    public Connection connection() {
        return db;
    }

    public long articleId(String slug) throws SQLException {
        try (PreparedStatement find = db.prepareStatement("SELECT id FROM articles WHERE slug = ?")) {
            find.setString(1, slug);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Inserts {@code count} pending comments by one author, sealed as the server seals them, posted at
     * {@code createdAt}; returns their ids.
     */
    public List<Long> seedComments(long firstId, int count, String slug, String author, String email, EmailVault vault,
                                   String ipAddress, String userAgent, Instant createdAt) throws SQLException {
        long article = articleId(slug);
        List<Long> ids = new ArrayList<>(count);
        String insert = "INSERT INTO comments (id, article_id, author_name, email_ciphertext, email_index, email_key_id, website, body,"
                + " status, moderation_reasons, created_at, ip_address, user_agent, depth, version)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 'seeded', ?, ?, ?, 1, 0)";
        try (PreparedStatement row = db.prepareStatement(insert)) {
            for (int i = 0; i < count; i++) {
                EmailVault.Sealed sealed = vault.seal(email);
                long id = firstId + i;
                row.setLong(1, id);
                row.setLong(2, article);
                row.setString(3, author);
                row.setString(4, sealed.ciphertext());
                row.setString(5, sealed.blindIndex());
                row.setString(6, sealed.keyId());
                row.setString(7, "https://" + author.toLowerCase().replace(' ', '-') + ".example/");
                row.setString(8, "Seeded comment " + i);
                row.setTimestamp(9, Timestamp.from(createdAt));
                row.setString(10, ipAddress);
                row.setString(11, userAgent);
                row.addBatch();
                ids.add(id);
            }
            row.executeBatch();
        }
        return ids;
    }

    /**
     * Adds a staff account with a PBKDF2 hash in Jakarta Security's own format
     * ({@code algorithm:iterations:salt:hash}), which the identity store verifies with the stored parameters.
     */
    public void addAccount(String username, String password, String role) throws Exception {
        byte[] salt = new byte[32];
        new java.security.SecureRandom().nextBytes(salt);
        int iterations = 10_000;
        byte[] hash = javax.crypto.SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new javax.crypto.spec.PBEKeySpec(password.toCharArray(), salt, iterations, 32 * 8)).getEncoded();
        java.util.Base64.Encoder base64 = java.util.Base64.getEncoder();
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT INTO accounts (id, username, password_hash, role, enabled, created_at) VALUES (?, ?, ?, ?, TRUE, ?)")) {
            insert.setLong(1, SEED_IDS + Math.abs(username.hashCode() % 1000));
            insert.setString(2, username);
            insert.setString(3, "PBKDF2WithHmacSHA512:" + iterations + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(hash));
            insert.setString(4, role);
            insert.setTimestamp(5, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    /** "TABLE.COLUMN" of every text cell of every table that contains {@code needle}, in any case. */
    public List<String> cellsContaining(String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        List<String[]> columns = new ArrayList<>();
        // the schema the server's tables are in: PUBLIC on H2, public on PostgreSQL
        try (ResultSet rs = db.getMetaData().getColumns(null, db.getSchema(), "%", "%")) {
            while (rs.next()) {
                columns.add(new String[] {rs.getString("TABLE_NAME"), rs.getString("COLUMN_NAME")});
            }
        }
        for (String[] column : columns) {
            String query = "SELECT COUNT(*) FROM \"" + column[0] + "\" WHERE LOWER(CAST(\"" + column[1] + "\" AS VARCHAR)) LIKE ?";
            try (PreparedStatement statement = db.prepareStatement(query)) {
                statement.setString(1, "%" + needle.toLowerCase() + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(column[0] + "." + column[1]);
                    }
                }
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
