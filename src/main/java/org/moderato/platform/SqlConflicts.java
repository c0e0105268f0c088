package org.moderato.platform;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;

/** Telling a lost race from a real failure, the one failure a page can explain and recover from. */
public final class SqlConflicts {

    private SqlConflicts() {}

    /** A unique-key violation, or (H2) a wait for another transaction's row lock that ran out. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("23") || sql.getSQLState().equals("HYT00"))) {
                return true;
            }
        }
        return false;
    }

    /** A concurrent change that a version check or a row lock caught (the desks' moves). */
    public static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // EclipseLink's own OptimisticLockException when the version check fails at commit
            if (cause instanceof OptimisticLockException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException || cause.getClass().getSimpleName().equals("OptimisticLockException")) {
                return true;
            }
        }
        return false;
    }
}
