package dev.notespipeline.problem;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers Swagger UI's paths with 404 as problem+json where a service includes Swagger UI but does not serve it
 * ({@code quarkus.swagger-ui.enabled=false}, as in production). Quarkus's handler for a disabled Swagger UI ends those
 * requests itself with an empty 404, which no error handler of the router sees.
 */
@ApplicationScoped
public class DisabledSwaggerUi {

    private final boolean disabled;
    private final String path;

    DisabledSwaggerUi(@ConfigProperty(name = "quarkus.swagger-ui.enabled") Optional<Boolean> enabled,
            @ConfigProperty(name = "quarkus.swagger-ui.path", defaultValue = "swagger-ui") String path,
            @ConfigProperty(name = "quarkus.http.non-application-root-path", defaultValue = "q") String root) {
        this.disabled = enabled.isPresent() && !enabled.get();
        this.path = path.startsWith("/") ? path : "/" + strip(root) + "/" + strip(path);
    }

    void install(@Observes Router router) {
        answerNotFound(router);
    }

    void installOnManagement(@Observes ManagementInterface management) {
        answerNotFound(management.router());
    }

    private void answerNotFound(Router router) {
        if (disabled) {
            router.route(path + "*").order(RequestTargetCheck.ORDER + 1).handler(DisabledSwaggerUi::notFound);
        }
    }

    private static void notFound(RoutingContext context) {
        ProblemResponse.endAndClose(context, Problem.of(404, "Not Found", FailureProblems.detail(404)));
    }

    private static String strip(String segment) {
        return segment.replaceAll("^/+|/+$", "");
    }
}
