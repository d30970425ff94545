package dev.notespipeline.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared body is larger than the service accepts ({@code quarkus.http.limits.max-body-size};
 * on the management port, whose endpoints read no body, {@code quarkus.management.limits.max-body-size}) with 413 as
 * problem+json, before a byte of it is read or parsed, and closes the connection. Quarkus refuses such requests too, but with an
 * empty answer; this route runs just before its check. A body sent without a length (chunked) is cut off by
 * Quarkus when it passes the limit, and the REST layer answers 413 through the services' mappers.
 */
@ApplicationScoped
public class RequestBodyLimit {

    /** Just before Quarkus's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT, -2). */
    static final int ORDER = -3;

    private final Optional<MemorySize> limit;
    private final Optional<MemorySize> managementLimit;

    public RequestBodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit,
            @ConfigProperty(name = "quarkus.management.limits.max-body-size") Optional<MemorySize> managementLimit) {
        this.limit = limit;
        this.managementLimit = managementLimit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route().order(ORDER).handler(context -> refuseOverLimit(context, max.asLongValue())));
    }

    void installOnManagement(@Observes ManagementInterface management) {
        managementLimit.ifPresent(max -> management.router().route().order(ORDER)
                .handler(context -> refuseOverLimit(context, max.asLongValue())));
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
        ProblemResponse.endAndClose(context, Problem.of(413, "Content Too Large",
                "the body has " + length + " bytes; this service accepts at most " + max));
    }
}
