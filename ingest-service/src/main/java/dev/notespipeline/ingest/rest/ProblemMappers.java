package dev.notespipeline.ingest.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json, authentication failures included (they need lazy authentication). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    private static final String CHALLENGE = "Basic realm=\"ingest\"";

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return respond(exception.problem(), null);
    }

    /** JAX-RS's own errors: no such resource, method not allowed, unsupported media type. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        return respond(Problem.of(status.getStatusCode(), status.getReasonPhrase(), exception.getMessage()), null);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException exception) {
        LOG.error("unexpected error answering a request", exception);
        return respond(Problem.of(500, "Internal Server Error", "an unexpected error occurred; see the service's log"),
                null);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException exception) {
        return respond(Problem.of(401, "Unauthorized", "this endpoint needs an admin's user name and password"
                + " (HTTP Basic)"), CHALLENGE);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return respond(Problem.of(403, "Forbidden", "this endpoint needs the admin role"), null);
    }

    private static Response respond(Problem problem, String challenge) {
        Response response = ProblemException.response(problem);
        return challenge == null ? response
                : Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
