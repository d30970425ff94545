package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.service.DatabaseOutage;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json; none shows a stack trace or SQL. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return ProblemException.response(exception.problem());
    }

    /** The framework's own answers (unknown path, wrong method, unreadable request) in the same shape. */
    @ServerExceptionMapper
    public Response framework(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String detail = switch (status.getStatusCode()) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "only application/json is served here";
            default -> "the request could not be understood";
        };
        return ProblemException.response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException exception) {
        if (DatabaseOutage.causedBy(exception)) {
            LOG.warnf("database unreachable: %s", exception.getMessage());
            return Response.fromResponse(ProblemException.response(Problem.of(503, "Service Unavailable",
                            "the database is unreachable; try again shortly")))
                    .header(HttpHeaders.RETRY_AFTER, "5")
                    .build();
        }
        LOG.error("unexpected error", exception);
        return ProblemException.response(Problem.of(500, "Internal Server Error", "unexpected error; it has been logged"));
    }
}
