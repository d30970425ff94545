package dev.notespipeline.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error of the services' REST APIs leaves as problem+json: a {@link ProblemException}, the framework's own
 * answers (no such resource, wrong method, unreadable or unsupported body, not acceptable), and anything unexpected
 * (500, logged, with no stack trace or SQL in the answer).
 *
 * <p>A service maps its own exceptions (authentication failures, a database outage) with mappers of its own; they win
 * over these, which have a lower priority.
 */
public class ProblemMappers {

    /** After every service's own mappers. */
    public static final int PRIORITY = Priorities.USER + 100;

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String NOT_JSON = "the body is not the expected JSON: ";

    @ServerExceptionMapper(priority = PRIORITY)
    public Response problem(ProblemException exception) {
        return ProblemException.response(exception.problem());
    }

    /**
     * Quarkus maps these itself as plain JSON, with mappers of its own for each: naming them here, at the default
     * priority, makes them problem+json too.
     */
    @ServerExceptionMapper({JsonParseException.class, MismatchedInputException.class, JsonMappingException.class,
            JsonProcessingException.class})
    public Response unreadableJson(JsonProcessingException exception) {
        return ProblemException.response(Problem.of(400, "Bad Request", NOT_JSON + exception.getOriginalMessage()));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response framework(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        String detail = exception.getCause() instanceof JsonProcessingException json
                ? NOT_JSON + json.getOriginalMessage()
                : FailureProblems.detail(status.getStatusCode());
        return ProblemException.response(Problem.of(status.getStatusCode(), status.getReasonPhrase(), detail));
    }

    @ServerExceptionMapper(priority = PRIORITY)
    public Response unexpected(RuntimeException exception) {
        return unexpectedError(exception);
    }

    /** 500, with the exception in the log and nothing of it in the answer. */
    public static Response unexpectedError(RuntimeException exception) {
        LOG.error("unexpected error answering a request", exception);
        return ProblemException.response(Problem.of(500, "Internal Server Error",
                "an unexpected error occurred; it has been logged"));
    }
}
