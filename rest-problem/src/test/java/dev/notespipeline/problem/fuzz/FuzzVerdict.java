package dev.notespipeline.problem.fuzz;

import dev.notespipeline.problem.fuzz.HostileRequests.Expectation;
import dev.notespipeline.problem.fuzz.HostileRequests.FuzzRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges a service's answer to a hostile request: never 500 or above, never silence, every 4xx in problem+json with
 * its status, a title and a detail that says what was wrong.
 */
public final class FuzzVerdict {

    private static final String PROBLEM_JSON = "application/problem+json";
    /** What Vert.x's HTTP codec answers, with an empty body, to what it cannot even read (see {@link Expectation}). */
    private static final Set<Integer> CODEC_STATUSES = Set.of(400, 414, 431);
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*(\\d{3})");
    private static final Pattern TITLE = Pattern.compile("\"title\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]{8,})");

    private FuzzVerdict() {
    }

    /** What is wrong with {@code answer}, or empty. */
    public static Optional<String> judge(FuzzRequest request, RawHttp.Answer answer) {
        String problem = null;
        if (answer.status() < 0) {
            problem = "no answer after " + answer.millis() + " ms";
        } else if (answer.millis() >= RawHttp.READ_TIMEOUT_MILLIS) {
            problem = "no end of the answer after " + answer.millis() + " ms";
        } else if (answer.status() == 503 && request.target().startsWith("/q/health") && healthAnswer(request, answer)) {
            // A health check that is DOWN: what probes read, with its reasons, not an error.
            problem = null;
        } else if (answer.status() >= 500) {
            problem = answer.status() + " " + abbreviate(answer.body());
        } else if (answer.status() >= 400 && !codecRefusal(request, answer)) {
            if (request.method().equals("HEAD")) {
                // An answer to HEAD has no body: its headers say what the body would be.
                problem = answer.contentType().startsWith(PROBLEM_JSON) ? null
                        : answer.status() + " as '" + answer.contentType() + "'";
            } else {
                problem = problemJsonFault(answer);
            }
        }
        return Optional.ofNullable(problem).map(what -> request.description() + " -> " + what);
    }

    /** Sends every request to {@code localhost:port}; the violations, one line each. */
    public static List<String> violations(int port, List<FuzzRequest> requests) {
        List<String> violations = new ArrayList<>();
        for (FuzzRequest request : requests) {
            judge(request, RawHttp.send("localhost", port, request.bytes())).ifPresent(violations::add);
        }
        return violations;
    }

    /** The health endpoint's own answer: its checks, or for HEAD (no body) the JSON they would come in. */
    private static boolean healthAnswer(FuzzRequest request, RawHttp.Answer answer) {
        return request.method().equals("HEAD") ? answer.contentType().startsWith("application/json")
                : answer.body().contains("\"checks\"");
    }

    private static boolean codecRefusal(FuzzRequest request, RawHttp.Answer answer) {
        return request.expectation() == Expectation.CODEC_REFUSAL && CODEC_STATUSES.contains(answer.status())
                && answer.body().isEmpty();
    }

    private static String problemJsonFault(RawHttp.Answer answer) {
        String body = answer.body();
        String seen = answer.status() + " as '" + answer.contentType() + "': " + abbreviate(body);
        if (!answer.contentType().startsWith(PROBLEM_JSON)) {
            return seen;
        }
        Matcher status = STATUS.matcher(body);
        if (!status.find() || Integer.parseInt(status.group(1)) != answer.status()) {
            return "a problem without its status, " + seen;
        }
        if (!TITLE.matcher(body).find() || !DETAIL.matcher(body).find()) {
            return "a problem without a title or a detail saying what was wrong, " + seen;
        }
        return null;
    }

    private static String abbreviate(String body) {
        String line = body.replaceAll("\\s+", " ");
        return line.length() <= 160 ? line : line.substring(0, 160) + "…";
    }
}
