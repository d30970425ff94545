package dev.notespipeline.ingest.rest;

import jakarta.ws.rs.core.Response;

/** Ends a request with a problem+json answer. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    public Problem problem() {
        return problem;
    }
}
