package dev.notespipeline.ingest.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The admin endpoints' authentication failures as problem+json (they need lazy authentication to reach a mapper);
 * every other error is answered by rest-problem's shared mappers.
 */
public class AuthenticationProblems {

    private static final String CHALLENGE = "Basic realm=\"ingest\"";

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException exception) {
        return Response.fromResponse(ProblemException.response(Problem.of(401, "Unauthorized",
                        "this endpoint needs an admin's user name and password (HTTP Basic)")))
                .header(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE)
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException exception) {
        return ProblemException.response(Problem.of(403, "Forbidden", "this endpoint needs the admin role"));
    }
}
