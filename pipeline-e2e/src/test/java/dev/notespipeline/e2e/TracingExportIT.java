package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.notespipeline.infra.FreePorts;
import dev.notespipeline.infra.SharedInfra;
import dev.notespipeline.infra.UserSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Tracing without a collector costs nothing and says nothing; with {@code quarkus.otel.exporter.otlp.endpoint} set,
 * spans reach the collector. Run on enrich-service; the three services share the same tracing configuration.
 */
class TracingExportIT {

    /** The OTLP exporter's default endpoint, port 4317, and not a random port or trace id that has those digits. */
    private static final Pattern DEFAULT_COLLECTOR = Pattern.compile(":4317(?!\\d)");
    private static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();

    @Test
    void withoutACollectorNoExportIsAttemptedAndNothingIsLogged() throws IOException {
        Path logs = logDir("no-collector");
        try (ServiceProcess enrich = ServiceProcess.start(ROOT, "enrich-service", FreePorts.pick(), environment(), logs)) {
            for (int i = 0; i < 5; i++) {
                given().baseUri(enrich.baseUri()).get("/api/taxonomy").then().statusCode(200);
            }
            // The batch span processor would have tried two exports by now (every 5 s).
            await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(15)).until(() -> true);
            assertThat(Files.readAllLines(enrich.log()))
                    .noneMatch(line -> line.contains("export") || DEFAULT_COLLECTOR.matcher(line).find() || line.contains("OTLP"));
        }
    }

    @Test
    void withACollectorSpansAreExported() throws IOException {
        AtomicInteger exports = new AtomicInteger();
        HttpServer collector = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exports.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        Map<String, String> environment = environment();
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:" + collector.getAddress().getPort());
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        try (ServiceProcess enrich = ServiceProcess.start(ROOT, "enrich-service", FreePorts.pick(), environment,
                logDir("collector"))) {
            given().baseUri(enrich.baseUri()).get("/api/taxonomy").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> exports.get() > 0);
        } finally {
            collector.stop(0);
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        String kafka = UserSettings.get("kafka.bootstrap.servers");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka != null ? kafka : SharedInfra.kafka().bootstrapServers());
        return environment;
    }

    private static Path logDir(String name) throws IOException {
        Path dir = ROOT.resolve("pipeline-e2e/target/e2e/tracing-" + name);
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve("enrich-service.log"));
        return dir;
    }
}
