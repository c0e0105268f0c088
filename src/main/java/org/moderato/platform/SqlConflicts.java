package org.moderato.platform;

import java.sql.SQLException;

/** Telling a lost race from a real failure: a unique-key violation, or (H2) a wait for another transaction's row lock that ran out. */
public final class SqlConflicts {

    private SqlConflicts() {}

    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
        }
        return false;
    }
}
