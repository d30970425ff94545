package dev.notespipeline.query.service;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a database that cannot be reached (retry later, answer 503) and a transaction that lost a race with
 * another replica's (retry) from a statement the database refused (a bad record: dead-letter it, never retry).
 */
public final class DatabaseOutage {

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && isOutageState(sql.getSQLState())) {
                return true;
            }
            // Agroal gives up waiting for a connection with a plain SQLException and no SQL state.
            if (cause instanceof SQLException && cause.getMessage() != null
                    && cause.getMessage().contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /** A serialization failure or deadlock (40001, 40P01): the same transaction succeeds when run again. */
    public static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** Connection exceptions (08), server shutting down or starting (57P), out of resources (53). */
    private static boolean isOutageState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53"));
    }
}
