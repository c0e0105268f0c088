package org.moderato.article.wordpress;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;

/** A fresh in-memory H2 database with the real migrations from {@code sql/}: the schema the server runs on. */
final class TestDatabase implements AutoCloseable {

    final Connection connection;
    private final Connection keepAlive;

    TestDatabase() throws SQLException {
        String url = "jdbc:h2:mem:wxr-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        keepAlive = DriverManager.getConnection(url, "sa", "");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
        connection = DriverManager.getConnection(url, "sa", "");
        connection.setAutoCommit(false);
    }

    long count(String sql, Object... parameters) throws SQLException {
        return ((Number) rows(sql, parameters).get(0).values().iterator().next()).longValue();
    }

    /** Rows as column-name (upper case) to value maps, in query order. */
    List<Map<String, Object>> rows(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int c = 1; c <= columns; c++) {
                        row.put(rs.getMetaData().getColumnLabel(c).toUpperCase(), rs.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        }
    }

    Map<String, Object> row(String sql, Object... parameters) throws SQLException {
        List<Map<String, Object>> rows = rows(sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError(rows.size() + " rows for " + sql);
        }
        return rows.get(0);
    }

    @Override
    public void close() throws SQLException {
        connection.close();
        keepAlive.close();
    }
}
