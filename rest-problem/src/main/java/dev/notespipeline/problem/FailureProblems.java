package dev.notespipeline.problem;

import io.quarkus.vertx.http.ManagementInterface;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Answers as problem+json what the HTTP router fails without the REST layer: a route that failed (a static file, the
 * management interface's endpoints, a body cut off at its limit), and a path that no route serves. Answers the REST
 * layer gives pass through its exception mappers ({@link ProblemMappers}) instead.
 */
@ApplicationScoped
public class FailureProblems {

    private static final Logger LOG = Logger.getLogger(FailureProblems.class);

    private static final String SECURITY = "io.quarkus.security.";

    void install(@Observes Router router) {
        answerFailures(router);
    }

    void installOnManagement(@Observes ManagementInterface management) {
        answerFailures(management.router());
    }

    private static void answerFailures(Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(FailureProblems::answerUnlessSecurity);
        // No route matched: the router answers these itself, without a failure handler.
        for (int status : new int[] {400, 401, 403, 404, 405, 406, 413, 414, 415, 431, 500, 501, 503}) {
            router.errorHandler(status, FailureProblems::answer);
        }
    }

    /** Quarkus's own error handler turns a security failure into a challenge or a sign-in redirect: it keeps those. */
    private static void answerUnlessSecurity(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure != null && failure.getClass().getName().startsWith(SECURITY)) {
            context.next();
        } else {
            answer(context);
        }
    }

    static void answer(RoutingContext context) {
        int status = context.failure() instanceof HttpException http ? http.getStatusCode()
                : context.statusCode() < 400 ? 500 : context.statusCode();
        if (status >= 500) {
            LOG.errorf(context.failure(), "unexpected error answering %s %s", context.request().method(),
                    context.request().path());
        }
        ProblemResponse.endAndClose(context, Problem.of(status, title(status), detail(status)));
    }

    private static String title(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Content Too Large";
            case 414 -> "URI Too Long";
            case 415 -> "Unsupported Media Type";
            case 431 -> "Request Header Fields Too Large";
            case 501 -> "Not Implemented";
            case 503 -> "Service Unavailable";
            default -> status >= 500 ? "Internal Server Error" : "Client Error";
        };
    }

    static String detail(int status) {
        return switch (status) {
            case 400 -> "the request could not be read";
            case 401 -> "this endpoint needs credentials";
            case 403 -> "these credentials may not use this endpoint";
            case 404 -> "there is nothing at this path";
            case 405 -> "this path does not take this method";
            case 406 -> "this endpoint cannot answer in a media type the Accept header allows";
            case 413 -> "the body is larger than this service accepts";
            case 414 -> "the URL is longer than this service reads";
            case 415 -> "this endpoint does not read a body of this media type";
            case 431 -> "the headers are larger than this service reads";
            case 501 -> "this service does not implement this method";
            case 503 -> "this service cannot answer now; try again shortly";
            default -> status >= 500 ? "an unexpected error occurred; it has been logged" : "the request was refused";
        };
    }
}
