package dev.notespipeline.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than the service accepts ({@code quarkus.http.limits.max-body-size})
 * with 413 as problem+json, before a byte of it is read or parsed. Quarkus refuses such requests too, but with an
 * empty answer; this route runs just before its check. A body sent without a length (chunked) is cut off by
 * Quarkus when it passes the limit, and the REST layer answers 413 through the services' mappers.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Just before Quarkus's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    private final Optional<MemorySize> limit;

    public RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(ORDER).handler(context -> refuseOverLimit(context, max.asLongValue())));
    }

    private static void refuseOverLimit(RoutingContext context, long max) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= max) {
            context.next();
            return;
        }
        Problem problem = Problem.of(413, "Content Too Large",
                "the body has " + length + " bytes; this service accepts at most " + max);
        String json = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                + problem.status() + ",\"detail\":\"" + problem.detail() + "\"}";
        // The unread body would otherwise have to be drained; closing is cheaper and what Quarkus does too.
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(json);
    }
}
