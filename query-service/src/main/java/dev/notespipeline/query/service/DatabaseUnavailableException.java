package dev.notespipeline.query.service;

/** Waiting for the database ended before it came back; the cause is the last outage seen. */
public class DatabaseUnavailableException extends RuntimeException {

    public DatabaseUnavailableException(String message, Throwable outage) {
        super(message, outage);
    }
}
