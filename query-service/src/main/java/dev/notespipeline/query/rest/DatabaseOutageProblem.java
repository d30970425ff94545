package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.problem.ProblemMappers;
import dev.notespipeline.query.service.DatabaseOutage;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A database that cannot be reached answers 503 with Retry-After, as problem+json; any other unexpected error is
 * rest-problem's 500. Every other error is answered by rest-problem's shared mappers.
 */
public class DatabaseOutageProblem {

    private static final Logger LOG = Logger.getLogger(DatabaseOutageProblem.class);

    @ServerExceptionMapper
    public Response unexpected(RuntimeException exception) {
        if (!DatabaseOutage.causedBy(exception)) {
            return ProblemMappers.unexpectedError(exception);
        }
        LOG.warnf("database unreachable: %s", exception.getMessage());
        return Response.fromResponse(ProblemException.response(Problem.of(503, "Service Unavailable",
                        "the database is unreachable; try again shortly")))
                .header(HttpHeaders.RETRY_AFTER, "5")
                .build();
    }
}
