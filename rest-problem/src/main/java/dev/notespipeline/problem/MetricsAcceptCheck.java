package dev.notespipeline.problem;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Set;

/**
 * Answers {@code /q/metrics} (and any path below it) asked for a media type the Prometheus endpoint does not serve with 406 as problem+json.
 * Quarkus's route would refuse it with an empty 406 that no error handler of the management router sees.
 */
@ApplicationScoped
public class MetricsAcceptCheck {

    private static final Set<String> SERVED = Set.of("*/*", "text/*", "text/plain", "application/*",
            "application/openmetrics-text");

    void install(@Observes ManagementInterface management) {
        management.router().route("/q/metrics*").order(RequestTargetCheck.ORDER + 1).handler(MetricsAcceptCheck::check);
    }

    static void check(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept == null || accept.isBlank() || accepts(accept)) {
            context.next();
            return;
        }
        ProblemResponse.endAndClose(context, Problem.of(406, "Not Acceptable",
                "the metrics are served as text/plain or application/openmetrics-text"));
    }

    private static boolean accepts(String accept) {
        for (String range : accept.split(",")) {
            String type = range.split(";")[0].strip().toLowerCase(Locale.ROOT);
            if (SERVED.contains(type)) {
                return true;
            }
        }
        return false;
    }
}
