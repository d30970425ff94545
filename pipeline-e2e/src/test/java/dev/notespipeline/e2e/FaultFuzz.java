package dev.notespipeline.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notespipeline.problem.fuzz.FuzzVerdict;
import dev.notespipeline.problem.fuzz.HostileRequests;
import dev.notespipeline.problem.fuzz.HostileRequests.Endpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Hostile requests (rest-problem's fuzz tooling) against every endpoint of the three running services: those their
 * OpenAPI documents describe, the page's paths, unknown paths, and the management interface's. Every answer must be
 * below 500 and every 4xx problem+json ({@link FuzzVerdict}).
 */
final class FaultFuzz {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<Endpoint> UNDOCUMENTED = List.of(Endpoint.get("/"), Endpoint.get("/{}"),
            Endpoint.get("/js/{}"), Endpoint.get("/api/{}"));

    private FaultFuzz() {
    }

    /** Sends {@code count} requests, spread evenly over the services' public and management ports. */
    static void send(FaultStack stack, int count, FaultSuite.Figures figures) throws IOException, InterruptedException {
        List<String> names = FaultStack.serviceNames();
        int share = count / (2 * names.size());
        long seed = 11;
        for (String name : names) {
            ServiceProcess service = stack.service(name);
            List<Endpoint> endpoints = new ArrayList<>(documented(service));
            endpoints.addAll(UNDOCUMENTED);
            figures.fuzzViolations.addAll(prefixed(name, FuzzVerdict.violations(port(service.baseUri()),
                    new HostileRequests(seed++, endpoints).take(share))));
            figures.fuzzViolations.addAll(prefixed(name + " (management)", FuzzVerdict.violations(
                    port(service.managementUri()), new HostileRequests(seed++, HostileRequests.MANAGEMENT_ENDPOINTS).take(share))));
            figures.fuzzedRequests += 2 * share;
        }
    }

    /** The operations of the service's OpenAPI document, path parameters as the place of the hostile segment. */
    private static List<Endpoint> documented(ServiceProcess service) throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.managementUri() + "/q/openapi?format=json"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(service.name() + " serves no OpenAPI document: " + answer.statusCode());
        }
        List<Endpoint> endpoints = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = JSON.readTree(answer.body()).path("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                List<String> parameters = new ArrayList<>();
                for (JsonNode parameter : operation.getValue().path("parameters")) {
                    if ("query".equals(parameter.path("in").asText())) {
                        parameters.add(parameter.path("name").asText());
                    }
                }
                endpoints.add(new Endpoint(operation.getKey().toUpperCase(Locale.ROOT),
                        path.getKey().replaceAll("\\{[^}]*}", "{}"), List.copyOf(parameters)));
            }
        }
        return endpoints;
    }

    private static int port(String uri) {
        return URI.create(uri).getPort();
    }

    private static List<String> prefixed(String name, List<String> violations) {
        return violations.stream().map(violation -> name + ": " + violation).toList();
    }
}
