package org.moderato.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;

/**
 * {@code bin/move-to-postgres}: copies a stopped site's H2 database into an empty PostgreSQL database,
 * so a site that started on the embedded default carries on with several nodes. Run outside the server,
 * with plain JDBC (the war's own classes and Flyway, H2's and PostgreSQL's drivers on the class path):
 *
 * <ol>
 *   <li>opens the H2 file normally, so H2's file lock refuses while the site still runs it;</li>
 *   <li>refuses a target that has any table or sequence in its schema, before writing anything;</li>
 *   <li>creates the schema with the same Flyway migrations, up to the version the H2 database is at (the
 *       next start of the site migrates on from there, as it would have on H2);</li>
 *   <li>empties what the migrations seeded (sample articles, the rules row) and copies every table the H2
 *       schema has, found from its metadata, parents before children, every column as it is stored (ids,
 *       keys, ciphertexts, history), in one transaction; a self-reference (a reply's parent) is filled in
 *       after all of its table's rows are there, since an imported reply may have come before its parent;</li>
 *   <li>sets every sequence to where H2's was, and past the highest id of its table in any case, and any
 *       identity column past its highest value;</li>
 *   <li>compares the row count of every table and commits only if all agree. If anything fails after the
 *       migrations ran, the schema it created is removed again, so the target is as empty as it was.</li>
 * </ol>
 *
 * <p>Settings as the site reads them: {@code MODERATO_DATA_DIR} (default {@code ./data}) for the H2 file,
 * {@code MODERATO_DB_URL}, {@code MODERATO_DB_USER} (default {@code moderato}) and {@code MODERATO_DB_PASSWORD}
 * for the target. Exit status: 0 moved, 1 failed (nothing left behind), 2 refused (nothing changed).
 */
public final class MoveToPostgres {

    static final String HISTORY_TABLE = "flyway_schema_history";
    private static final int BATCH = 500;

    /** A refusal: the operator's situation, not a bug; said in one sentence, nothing changed. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private final Connection source;
    private final Connection target;
    private final String targetUrl;
    private final String targetUser;
    private final String targetPassword;

    private MoveToPostgres(Connection source, Connection target, String targetUrl, String targetUser, String targetPassword) {
        this.source = source;
        this.target = target;
        this.targetUrl = targetUrl;
        this.targetUser = targetUser;
        this.targetPassword = targetPassword;
    }

    public static void main(String[] args) {
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("MODERATO_DATA_DIR", "./data")).toAbsolutePath().normalize();
        String url = env.getOrDefault("MODERATO_DB_URL", "").strip();
        String user = blankToDefault(env.get("MODERATO_DB_USER"), "moderato");
        String password = env.getOrDefault("MODERATO_DB_PASSWORD", "");
        try {
            Map<String, Long> copied = move(dataDir, url, user, password);
            System.out.println("Moved " + copied.size() + " tables, " + copied.values().stream().mapToLong(Long::longValue).sum()
                    + " rows, from " + dataDir.resolve("moderato.mv.db") + " to " + url + "; every table's row count agrees.");
            System.out.println("Start the site on PostgreSQL with the same MODERATO_SECRET (or the same data directory, whose"
                    + " secret.key it reads): MODERATO_DB_URL=" + url + " bin/serve");
            System.exit(0);
        } catch (Refused refused) {
            System.err.println("Refused, nothing changed: " + refused.getMessage());
            System.exit(2);
        } catch (Exception e) {
            System.err.println("The move failed, the target is left as empty as it was: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The move; returns each copied table's row count. */
    static Map<String, Long> move(Path dataDir, String url, String user, String password) throws Exception {
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new Refused("MODERATO_DB_URL must name the PostgreSQL database to move to (jdbc:postgresql://host:port/database), not '"
                    + url + "'.");
        }
        Path file = dataDir.resolve("moderato.mv.db");
        if (!Files.exists(file)) {
            throw new Refused("there is no H2 database at " + file + " (set MODERATO_DATA_DIR to the site's data directory).");
        }
        try (Connection source = openH2(dataDir); Connection target = openTarget(url, user, password)) {
            return new MoveToPostgres(source, target, url, user, password).run();
        }
    }

    private static Connection openH2(Path dataDir) throws SQLException, Refused {
        try {
            // no AUTO_SERVER, no read-only mode: the file lock is what tells us the site is still running
            return DriverManager.getConnection(DatabaseConfig.h2Url(dataDir, ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0"), "sa", "");
        } catch (SQLException e) {
            if (e.getErrorCode() == 90020 || String.valueOf(e.getMessage()).contains("already in use")) {
                throw new Refused("the H2 database in " + dataDir + " is in use: stop the site first (bin/serve holds its file"
                        + " open), then run this again.");
            }
            throw e;
        }
    }

    private static Connection openTarget(String url, String user, String password) throws Refused {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (SQLException e) {
            throw new Refused("cannot connect to " + url + " as " + user + ": " + e.getMessage());
        }
    }

    private Map<String, Long> run() throws Exception {
        refuseNonEmptyTarget();
        List<String> tables = sourceTables();
        MigrationVersion version = sourceVersion();
        Flyway flyway = SchemaMigration.configure()
                .dataSource(targetUrl, targetUser, targetPassword)
                .target(version)
                .load();
        try {
            flyway.migrate();
            Map<String, Long> counts = copy(tables);
            System.out.println("Schema created with the migrations up to version " + version + "; rows per table: " + counts);
            return counts;
        } catch (Exception e) {
            try {
                target.rollback();
            } catch (SQLException ignored) {
                // the connection may be what failed; clean uses its own
            }
            dropCreated();
            throw e;
        }
    }

    /** The target had no table or sequence before the migrations ran: dropping those in its schema puts it back as it was. */
    private void dropCreated() throws SQLException {
        target.setAutoCommit(true);
        List<String> drops = new ArrayList<>();
        try (Statement sql = target.createStatement();
             ResultSet rs = sql.executeQuery("SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                     + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'S')")) {
            while (rs.next()) {
                drops.add(("r".equals(rs.getString(2)) ? "DROP TABLE IF EXISTS " : "DROP SEQUENCE IF EXISTS ") + rs.getString(1) + " CASCADE");
            }
        }
        try (Statement sql = target.createStatement()) {
            for (String drop : drops) {
                sql.execute(drop);
            }
        }
    }

    private void refuseNonEmptyTarget() throws SQLException, Refused {
        List<String> found = new ArrayList<>();
        try (PreparedStatement objects = target.prepareStatement(
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'S', 'v', 'm') ORDER BY c.relname LIMIT 6");
             ResultSet rs = objects.executeQuery()) {
            while (rs.next()) {
                found.add(rs.getString(1));
            }
        }
        if (!found.isEmpty()) {
            throw new Refused("the target database is not empty (it has " + String.join(", ", found.subList(0, Math.min(5, found.size())))
                    + (found.size() > 5 ? ", ..." : "") + "); move into a new, empty database (CREATE DATABASE ...).");
        }
    }

    /** Every table of the H2 schema but Flyway's own history, which the migrations write afresh on the target. */
    private List<String> sourceTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = source.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.equalsIgnoreCase(HISTORY_TABLE)) {
                    tables.add(name.toLowerCase(Locale.ROOT));
                }
            }
        }
        return tables;
    }

    private MigrationVersion sourceVersion() throws SQLException, Refused {
        try (Statement sql = source.createStatement();
             ResultSet rs = sql.executeQuery("SELECT \"version\" FROM \"" + HISTORY_TABLE + "\" WHERE \"success\" AND \"version\" IS NOT NULL")) {
            MigrationVersion latest = null;
            while (rs.next()) {
                MigrationVersion v = MigrationVersion.fromVersion(rs.getString(1));
                if (latest == null || v.compareTo(latest) > 0) {
                    latest = v;
                }
            }
            if (latest == null) {
                throw new Refused("the H2 database has no migration history; start the site on it once, stop it, then move.");
            }
            return latest;
        }
    }

    private Map<String, Long> copy(List<String> tables) throws SQLException {
        target.setAutoCommit(false);
        List<String> order = parentsFirst(tables);
        try (Statement sql = target.createStatement()) {
            // what the migrations seeded goes: the H2 database has those rows, as they are now
            List<String> childrenFirst = new ArrayList<>(order);
            java.util.Collections.reverse(childrenFirst);
            for (String table : childrenFirst) {
                sql.executeUpdate("DELETE FROM " + table);
            }
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : order) {
            counts.put(table, copyTable(table));
        }
        setSequences();
        setIdentities(order);
        for (String table : order) {
            long there = count(target, table);
            long here = count(source, table);
            if (there != here || there != counts.get(table)) {
                throw new SQLException("row counts differ for " + table + ": H2 " + here + ", PostgreSQL " + there);
            }
        }
        target.commit();
        return counts;
    }

    /** The tables in an order where every referenced table comes before the tables that reference it. */
    private List<String> parentsFirst(List<String> tables) throws SQLException {
        Map<String, Set<String>> parents = new TreeMap<>();
        DatabaseMetaData meta = target.getMetaData();
        for (String table : tables) {
            Set<String> of = new LinkedHashSet<>();
            try (ResultSet rs = meta.getImportedKeys(null, target.getSchema(), table)) {
                while (rs.next()) {
                    String parent = rs.getString("PKTABLE_NAME");
                    if (!parent.equals(table)) {
                        of.add(parent);
                    }
                }
            }
            parents.put(table, of);
        }
        List<String> order = new ArrayList<>();
        while (order.size() < tables.size()) {
            boolean progress = false;
            for (String table : parents.keySet()) {
                if (!order.contains(table) && order.containsAll(parents.get(table).stream().filter(parents::containsKey).toList())) {
                    order.add(table);
                    progress = true;
                }
            }
            if (!progress) {
                throw new SQLException("the foreign keys between these tables form a cycle: " + parents);
            }
        }
        return order;
    }

    /** The columns of {@code table} that reference the table itself (filled in after all its rows are there). */
    private Set<String> selfReferences(String table) throws SQLException {
        Set<String> columns = new LinkedHashSet<>();
        try (ResultSet rs = target.getMetaData().getImportedKeys(null, target.getSchema(), table)) {
            while (rs.next()) {
                if (rs.getString("PKTABLE_NAME").equals(table)) {
                    columns.add(rs.getString("FKCOLUMN_NAME"));
                }
            }
        }
        return columns;
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Short, String> key = new TreeMap<>();
        try (ResultSet rs = target.getMetaData().getPrimaryKeys(null, target.getSchema(), table)) {
            while (rs.next()) {
                key.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(key.values());
    }

    private long copyTable(String table) throws SQLException {
        Set<String> later = selfReferences(table);
        List<String> key = primaryKey(table);
        String orderBy = key.isEmpty() ? "" : " ORDER BY " + String.join(", ", key);
        long rows = 0;
        try (Statement read = source.createStatement(); ResultSet rs = read.executeQuery("SELECT * FROM " + table + orderBy)) {
            ResultSetMetaData columns = rs.getMetaData();
            int n = columns.getColumnCount();
            List<String> names = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                names.add(columns.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            Map<String, Integer> targetTypes = targetColumns(table);
            for (String name : names) {
                if (!targetTypes.containsKey(name)) {
                    throw new SQLException(table + "." + name + " is in the H2 database but not in the schema the migrations made");
                }
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                    + String.join(", ", names.stream().map(c -> "?").toList()) + ")";
            List<Object[]> deferred = new ArrayList<>();
            try (PreparedStatement write = target.prepareStatement(insert)) {
                while (rs.next()) {
                    Object[] selfValues = new Object[n];
                    for (int i = 1; i <= n; i++) {
                        Object value = read(rs, i, columns.getColumnType(i));
                        if (value != null && later.contains(names.get(i - 1))) {
                            selfValues[i - 1] = value;
                            value = null;
                        }
                        if (value == null) {
                            write.setNull(i, targetTypes.get(names.get(i - 1)));
                        } else {
                            write.setObject(i, value);
                        }
                    }
                    if (!later.isEmpty()) {
                        deferred.add(keyAndSelfValues(rs, key, selfValues));
                    }
                    write.addBatch();
                    if (++rows % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
            fillSelfReferences(table, key, names, later, deferred);
        }
        return rows;
    }

    private static Object[] keyAndSelfValues(ResultSet rs, List<String> key, Object[] selfValues) throws SQLException {
        Object[] row = new Object[key.size() + selfValues.length];
        for (int k = 0; k < key.size(); k++) {
            row[k] = rs.getObject(key.get(k));
        }
        System.arraycopy(selfValues, 0, row, key.size(), selfValues.length);
        return row;
    }

    private void fillSelfReferences(String table, List<String> key, List<String> names, Set<String> later, List<Object[]> rows)
            throws SQLException {
        if (later.isEmpty() || rows.isEmpty()) {
            return;
        }
        if (key.isEmpty()) {
            throw new SQLException(table + " references itself but has no primary key to fill the reference in by");
        }
        for (String column : later) {
            int index = key.size() + names.indexOf(column);
            String update = "UPDATE " + table + " SET " + column + " = ? WHERE "
                    + String.join(" AND ", key.stream().map(k -> k + " = ?").toList());
            try (PreparedStatement write = target.prepareStatement(update)) {
                int pending = 0;
                for (Object[] row : rows) {
                    if (row[index] == null) {
                        continue;
                    }
                    write.setObject(1, row[index]);
                    for (int k = 0; k < key.size(); k++) {
                        write.setObject(2 + k, row[k]);
                    }
                    write.addBatch();
                    if (++pending % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
    }

    /** A value as stored: dates and times without any time-zone shift, bytes as bytes, text of any length as text. */
    private static Object read(ResultSet rs, int i, int type) throws SQLException {
        Object value = switch (type) {
            case Types.TIMESTAMP -> rs.getObject(i, LocalDateTime.class);
            case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, OffsetDateTime.class);
            case Types.DATE -> rs.getObject(i, LocalDate.class);
            case Types.TIME -> rs.getObject(i, LocalTime.class);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> rs.getBytes(i);
            case Types.CLOB, Types.NCLOB -> rs.getString(i);
            default -> rs.getObject(i);
        };
        return rs.wasNull() ? null : value;
    }

    private Map<String, Integer> targetColumns(String table) throws SQLException {
        Map<String, Integer> types = new LinkedHashMap<>();
        try (ResultSet rs = target.getMetaData().getColumns(null, target.getSchema(), table, "%")) {
            while (rs.next()) {
                types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
            }
        }
        return types;
    }

    /**
     * Each sequence continues where H2's would have: its next value, and in any case past the highest id of
     * the table it is named after plus one block (EclipseLink takes a value as the top of a block of ids).
     */
    private void setSequences() throws SQLException {
        try (Statement read = source.createStatement();
             ResultSet rs = read.executeQuery("SELECT SEQUENCE_NAME, BASE_VALUE, INCREMENT FROM INFORMATION_SCHEMA.SEQUENCES"
                     + " WHERE SEQUENCE_SCHEMA = 'PUBLIC'")) {
            while (rs.next()) {
                String sequence = rs.getString(1).toLowerCase(Locale.ROOT);
                // one block beyond H2's base value, whether that is the last value handed out or the next: a block unused is harmless
                long next = rs.getLong(2) + rs.getLong(3);
                long increment = rs.getLong(3);
                if (sequence.startsWith("seq_")) {
                    long highest = highestId(sequence.substring(4));
                    next = Math.max(next, highest + increment + 1);
                }
                try (PreparedStatement set = target.prepareStatement("SELECT setval(CAST(? AS regclass), ?, false)")) {
                    set.setString(1, sequence);
                    set.setLong(2, next);
                    set.execute();
                }
            }
        }
    }

    private long highestId(String table) throws SQLException {
        if (!targetColumns(table).containsKey("id")) {
            return 0;
        }
        try (Statement sql = target.createStatement(); ResultSet rs = sql.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Identity and serial columns (the schema has none today; a later migration may add one) go past their highest value. */
    private void setIdentities(List<String> tables) throws SQLException {
        for (String table : tables) {
            try (PreparedStatement columns = target.prepareStatement(
                    "SELECT column_name, pg_get_serial_sequence(?, column_name) FROM information_schema.columns"
                            + " WHERE table_schema = current_schema() AND table_name = ? AND pg_get_serial_sequence(?, column_name) IS NOT NULL")) {
                columns.setString(1, table);
                columns.setString(2, table);
                columns.setString(3, table);
                try (ResultSet rs = columns.executeQuery()) {
                    while (rs.next()) {
                        try (Statement sql = target.createStatement()) {
                            sql.execute("SELECT setval('" + rs.getString(2) + "', COALESCE((SELECT MAX(" + rs.getString(1) + ") FROM " + table
                                    + "), 0) + 1, false)");
                        }
                    }
                }
            }
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String blankToDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
