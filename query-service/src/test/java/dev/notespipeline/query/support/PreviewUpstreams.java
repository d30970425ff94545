package dev.notespipeline.query.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.parser.NoteParser;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * Real HTTP servers standing in for ingest's and enrich's preview APIs, as their contracts describe them: ingest's
 * answers with what the real parser makes of the memo; enrich's tags a talk "azure" when it says Azure. The
 * pipeline's end-to-end browser test runs query-service against the real services.
 */
public class PreviewUpstreams implements QuarkusTestResourceLifecycleManager {

    /** How ingest's stand-in answers the next previews. */
    public enum Ingest { PARSE, REFUSE, SLOW }

    public static volatile Ingest ingest = Ingest.PARSE;
    /** What ingest's stand-in last received: its query and content type. */
    public static volatile String lastQuery;
    public static volatile String lastContentType;

    /** The two stand-ins, each on its own port so one can be down while the other answers. */
    public enum Upstream { INGEST, ENRICH }

    private static final Map<Upstream, HttpServer> SERVERS = new EnumMap<>(Upstream.class);
    private static final Map<Upstream, Integer> PORTS = new EnumMap<>(Upstream.class);

    @Override
    public Map<String, String> start() {
        startServer(Upstream.INGEST);
        startServer(Upstream.ENRICH);
        return Map.of("query.preview.ingest-url", "http://127.0.0.1:" + PORTS.get(Upstream.INGEST),
                "query.preview.enrich-url", "http://127.0.0.1:" + PORTS.get(Upstream.ENRICH),
                "query.preview.timeout", "PT2S");
    }

    @Override
    public void stop() {
        stopServer(Upstream.INGEST);
        stopServer(Upstream.ENRICH);
    }

    /** Stops answering on its port: the service is down. */
    public static synchronized void stopServer(Upstream upstream) {
        HttpServer server = SERVERS.remove(upstream);
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers (again, on the same port) unless it already does. */
    public static synchronized void startServer(Upstream upstream) {
        if (SERVERS.containsKey(upstream)) {
            return;
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORTS.getOrDefault(upstream, 0)), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PORTS.put(upstream, server.getAddress().getPort());
        if (upstream == Upstream.INGEST) {
            server.createContext("/api/ingest/preview", PreviewUpstreams::ingestPreview);
        } else {
            server.createContext("/api/tag-preview", PreviewUpstreams::tagPreview);
        }
        server.start();
        SERVERS.put(upstream, server);
    }

    private static void ingestPreview(HttpExchange exchange) throws IOException {
        lastQuery = exchange.getRequestURI().getRawQuery();
        lastContentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String memo = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        switch (ingest) {
            case REFUSE -> answer(exchange, 422, "application/problem+json",
                    "{\"type\":\"about:blank\",\"title\":\"Unprocessable Content\",\"status\":422,"
                            + "\"detail\":\"unparseable: more than 10000 headings\"}");
            case SLOW -> {
                sleep(3_000);
                answer(exchange, 200, "application/json", "{}");
            }
            default -> {
                String path = URLDecoder.decode(lastQuery.replaceFirst("^path=", ""), StandardCharsets.UTF_8);
                answer(exchange, 200, "application/json",
                        NoteJson.write(new NoteParser().parse(path, memo, 0, "preview", Instant.EPOCH)));
            }
        }
    }

    private static void tagPreview(HttpExchange exchange) throws IOException {
        String talk = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String topics = talk.contains("Azure")
                ? "[{\"slug\":\"azure\",\"label\":\"Azure\",\"parent\":null,\"score\":0.6,"
                        + "\"evidence\":[{\"term\":\"Azure\",\"field\":\"talk.title\",\"count\":1}]}]"
                : "[]";
        answer(exchange, 200, "application/json", "{\"taxonomyVersion\":\"stand-in\",\"topics\":" + topics + "}");
    }

    private static void answer(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
