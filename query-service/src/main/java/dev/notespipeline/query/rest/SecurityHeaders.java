package dev.notespipeline.query.rest;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every answer of the HTTP router: the page, its scripts and styles, the API, errors and 404s.
 *
 * <p>A route of its own, first in the router, rather than a REST filter: static files and answers written by the
 * framework itself (unknown path, unreadable request) never pass through REST filters. The page runs only its own
 * scripts and styles and talks only to its own origin, so the policy names nothing but {@code 'self'}: a memo's
 * text that slipped into the page as markup could still not run a script or send data elsewhere.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self';"
            + " img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
            + " form-action 'self'; frame-ancestors 'none'";

    /**
     * Swagger UI (Quarkus's own page, on the management port with the other {@code /q} endpoints) starts itself
     * with an inline script; only its path gets a policy allowing it.
     */
    static final String SWAGGER_UI_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline';"
            + " style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none';"
            + " base-uri 'none'; frame-ancestors 'none'";

    static final String SWAGGER_UI_PATH = "/q/swagger-ui";

    void install(@Observes Router router) {
        protect(router);
    }

    /** The management interface's pages (Swagger UI) are pages too. */
    void installOnManagement(@Observes ManagementInterface management) {
        protect(management.router());
    }

    private static void protect(Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            // The raw path: normalizing it throws on a broken percent-escape, which must reach rest-problem's
            // RequestTargetCheck (its 400 problem+json), whichever of the two first routes runs first. An escaped
            // spelling of the Swagger UI path only gets the stricter policy.
            String path = context.request().path();
            context.addHeadersEndHandler(ignored -> {
                MultiMap headers = context.response().headers();
                headers.set("Content-Security-Policy",
                        path.startsWith(SWAGGER_UI_PATH) ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("X-Frame-Options", "DENY");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("Cross-Origin-Opener-Policy", "same-origin");
            });
            context.next();
        });
    }
}
