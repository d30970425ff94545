package dev.notespipeline.enrich.rest;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error of the REST API leaves as problem+json. */
public class ProblemMappers {

    private static final String NOT_JSON = "the body is not the expected JSON: ";

    @ServerExceptionMapper
    public Response badRequest(BadRequestProblem exception) {
        return problem(Response.Status.BAD_REQUEST, exception.getMessage());
    }

    /** Quarkus maps these two itself, as plain JSON; naming them here makes them problem+json too. */
    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonProcessingException.class})
    public Response unreadableBody(JsonProcessingException exception) {
        return problem(Response.Status.BAD_REQUEST, NOT_JSON + exception.getOriginalMessage());
    }

    /** Includes a body that is not JSON at all: the JSON reader reports it as a 400 with the parser's error inside. */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String detail = exception.getCause() instanceof JsonProcessingException json
                ? NOT_JSON + json.getOriginalMessage()
                : exception.getMessage();
        return ProblemException.response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    private static Response problem(Response.Status status, String detail) {
        return ProblemException.response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }
}
