package dev.notespipeline.problem;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;

/**
 * Refuses a request whose headers together are larger than {@value #MAX_HEADER_BYTES} bytes with 431 as
 * problem+json. The HTTP codec reads up to {@code quarkus.http.limits.max-header-size} (64 KiB in every service) so
 * that such a request reaches this route and is told the limit; beyond that the codec answers an empty 431 itself.
 */
@ApplicationScoped
public class RequestHeaderLimit {

    /** Room for a long bearer token and a browser's cookies; what most proxies allow. */
    public static final int MAX_HEADER_BYTES = 16 * 1024;

    void install(@Observes Router router) {
        router.route().order(RequestTargetCheck.ORDER).handler(RequestHeaderLimit::check);
    }

    void installOnManagement(@Observes ManagementInterface management) {
        management.router().route().order(RequestTargetCheck.ORDER).handler(RequestHeaderLimit::check);
    }

    static void check(RoutingContext context) {
        long size = size(context.request().headers());
        if (size <= MAX_HEADER_BYTES) {
            context.next();
            return;
        }
        ProblemResponse.endAndClose(context, Problem.of(431, "Request Header Fields Too Large",
                "the headers have " + size + " bytes; this service reads at most " + MAX_HEADER_BYTES));
    }

    private static long size(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            // "Name: value\r\n", as they came.
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }
}
