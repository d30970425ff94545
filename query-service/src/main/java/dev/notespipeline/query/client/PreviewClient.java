package dev.notespipeline.query.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.query.config.PreviewConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Calls ingest's and enrich's preview APIs. The page may only talk to its own origin (its Content-Security-Policy
 * says so), so query-service asks them on its behalf; neither stores anything.
 */
@ApplicationScoped
public class PreviewClient {

    /** Ingest's answers about the memo itself: empty or binary, too large, not UTF-8, beyond the parser's limits. */
    private static final Set<Integer> MEMO_FAULTS = Set.of(400, 413, 415, 422);

    private final PreviewConfig config;
    private final ObjectMapper json;
    private final HttpClient http;

    @Inject
    public PreviewClient(PreviewConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout()).build();
    }

    /** The note ingest would publish for this memo, with its layout report. */
    public ParsedNote parse(String name, byte[] memo) {
        URI uri = config.ingestUrl().resolve("/api/ingest/preview?path=" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.timeout())
                .header("Content-Type", "text/markdown; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(memo)).build();
        HttpResponse<String> response = send("ingest-service", request);
        try {
            return NoteJson.readParsed(response.body());
        } catch (RuntimeException e) {
            throw new UpstreamException(502, "ingest-service's preview answered something that is not a parsed note", null);
        }
    }

    /** The answer of enrich's tag preview for one talk: {@code taxonomyVersion} and {@code topics}. */
    public TagPreview tag(String title, String text, String eventTitle) {
        try {
            byte[] body = json.writeValueAsBytes(Map.of("title", nonNull(title), "text", nonNull(text), "eventTitle", nonNull(eventTitle)));
            HttpRequest request = HttpRequest.newBuilder(config.enrichUrl().resolve("/api/tag-preview")).timeout(config.timeout())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            return json.readValue(send("enrich-service", request).body(), TagPreview.class);
        } catch (IOException e) {
            throw new UpstreamException(502, "enrich-service's tag preview answered something that is not topics", null);
        }
    }

    /** enrich-service's answer: the topics a talk would get, and the taxonomy that gave them. */
    public record TagPreview(String taxonomyVersion, List<TopicTag> topics) {
    }

    private HttpResponse<String> send(String service, HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw new UpstreamException(502, service + " is unreachable at " + origin(request.uri()) + ": " + e.getMessage(), null);
        } catch (HttpTimeoutException e) {
            throw new UpstreamException(504, service + " did not answer within " + config.timeout().toSeconds() + " s", null);
        } catch (IOException e) {
            throw new UpstreamException(502, service + " failed: " + e.getMessage(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException(503, "interrupted while waiting for " + service, null);
        }
        int status = response.statusCode();
        if (status == 200) {
            return response;
        }
        String detail = service + " answered " + status + ": " + detailOf(response.body());
        if (status == 503) {
            throw new UpstreamException(503, detail, response.headers().firstValue("Retry-After").orElse("1"));
        }
        // These say what is wrong with the memo; anything else (a 404 of an older ingest, a 500) is the other
        // service's failure, not the page's.
        throw new UpstreamException(MEMO_FAULTS.contains(status) ? status : 502, detail, null);
    }

    private String detailOf(String body) {
        try {
            JsonNode problem = json.readTree(body);
            if (problem != null && problem.hasNonNull("detail")) {
                return problem.get("detail").asText();
            }
        } catch (IOException e) {
            // Not problem+json: its first line is the best there is.
        }
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.isEmpty() ? "no detail" : line.substring(0, Math.min(200, line.length()));
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
