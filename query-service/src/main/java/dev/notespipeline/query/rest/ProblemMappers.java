package dev.notespipeline.query.rest;

import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as problem+json. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response problem(ProblemException exception) {
        return Response.status(exception.problem().status())
                .type(Problem.MEDIA_TYPE)
                .entity(exception.problem())
                .build();
    }
}
