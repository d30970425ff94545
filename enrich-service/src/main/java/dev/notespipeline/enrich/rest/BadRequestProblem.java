package dev.notespipeline.enrich.rest;

/** A request the API cannot serve, with what to change; answered 400 problem+json. */
public class BadRequestProblem extends RuntimeException {

    public BadRequestProblem(String detail) {
        super(detail);
    }
}
