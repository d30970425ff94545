package dev.notespipeline.problem;

import jakarta.ws.rs.core.Response;

/** Ends a request with a problem+json answer; each service's exception mappers turn it into the response. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Response.Status status, String detail) {
        super(detail);
        this.problem = Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail);
    }

    /** For a status {@link Response.Status} does not name, such as 422 Unprocessable Content. */
    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    public static ProblemException badRequest(String detail) {
        return new ProblemException(Response.Status.BAD_REQUEST, detail);
    }

    /** The response carrying {@code problem}, with its status and media type. */
    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
