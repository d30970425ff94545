package dev.notespipeline.problem;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Ends a request answered below the REST layer (by a route of the HTTP router) with a problem, as the services'
 * exception mappers answer the requests that reach it.
 */
public final class ProblemResponse {

    private ProblemResponse() {
    }

    /**
     * Answers {@code problem} and closes the connection after it: the request was refused before its body was read,
     * and the unread rest of it must not be taken for the next request.
     */
    public static void endAndClose(RoutingContext context, Problem problem) {
        if (context.response().ended()) {
            return;
        }
        if (context.response().headWritten()) {
            context.response().close();
            return;
        }
        context.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json(problem));
    }

    static String json(Problem problem) {
        return new JsonObject()
                .put("type", problem.type())
                .put("title", problem.title())
                .put("status", problem.status())
                .put("detail", problem.detail())
                .encode();
    }
}
