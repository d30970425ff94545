package dev.notespipeline.query.repository;

import java.sql.SQLException;

/** A statement failed; the cause tells an outage from a refusal ({@code DatabaseOutage}). */
public class DatabaseException extends RuntimeException {

    public DatabaseException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
