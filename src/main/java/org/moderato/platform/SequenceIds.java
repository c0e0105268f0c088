package org.moderato.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Ids from one of the schema's sequences, taken the way EclipseLink takes them: each sequence value
 * is the top of a block of 50 ({@code INCREMENT BY 50}), so ids handed out here and by JPA never meet.
 */
public final class SequenceIds implements AutoCloseable {

    private static final int BLOCK = 50;

    private final PreparedStatement nextValue;
    private long next = 1;
    private long last = 0;

    public SequenceIds(Connection connection, String sequence) throws SQLException {
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        nextValue = connection.prepareStatement(postgres ? "SELECT nextval('" + sequence + "')" : "SELECT NEXT VALUE FOR " + sequence);
    }

    public long next() throws SQLException {
        if (next > last) {
            try (ResultSet rs = nextValue.executeQuery()) {
                rs.next();
                last = rs.getLong(1);
                next = last - BLOCK + 1;
            }
        }
        return next++;
    }

    @Override
    public void close() throws SQLException {
        nextValue.close();
    }
}
