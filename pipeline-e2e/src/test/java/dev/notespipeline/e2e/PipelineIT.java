package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.infra.EmbeddedPostgresServer;
import dev.notespipeline.infra.FreePorts;
import dev.notespipeline.infra.UserSettings;
import dev.notespipeline.infra.SharedInfra;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole pipeline as a user runs it: three service processes, a real Kafka broker, a real PostgreSQL server and a
 * bucket folder. A memo dropped into the folder must come out of the REST API as tagged talks.
 */
class PipelineIT {

    private static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    private static final Path SAMPLE = ROOT.resolve("note-parser/src/test/resources/notes/fy2022-events.md");
    private static final Path DASHBOARD = Path.of("deploy/k8s/components/monitoring/notes-pipeline-dashboard.json");
    private static final Pattern TRACE_ID = Pattern.compile("traceId=([0-9a-f]*)");

    private static Path bucket;
    private static Path logs;
    private static Map<String, String> environment;
    private static ServiceProcess ingest;
    private static ServiceProcess enrich;
    private static ServiceProcess query;

    @BeforeAll
    static void startPipeline() throws IOException {
        Path work = Files.createDirectories(ROOT.resolve("pipeline-e2e/target/e2e"));
        bucket = Files.createTempDirectory(work, "bucket-");
        environment = new HashMap<>();
        // Servers the user names are used as they are; otherwise this JVM starts real ones.
        String kafka = UserSettings.get("kafka.bootstrap.servers");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka != null ? kafka : SharedInfra.kafka().bootstrapServers());
        if (UserSettings.get("quarkus.datasource.jdbc.url") == null) {
            EmbeddedPostgresServer postgres = SharedInfra.postgres();
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        environment.put("PIPELINE_BUCKET_URL", "file:" + bucket);
        logs = work.resolve("logs");
        // Tests read these logs (trace ids, outcomes): lines of an earlier run must not answer for this one.
        try (Stream<Path> old = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        query = ServiceProcess.start(ROOT, "query-service", FreePorts.pick(), environment, logs);
        enrich = ServiceProcess.start(ROOT, "enrich-service", FreePorts.pick(), environment, logs);
        ingest = ServiceProcess.start(ROOT, "ingest-service", FreePorts.pick(), environment, logs);
    }

    @AfterAll
    static void stopPipeline() {
        for (ServiceProcess service : new ServiceProcess[] {ingest, enrich, query}) {
            if (service != null) {
                service.close();
            }
        }
    }

    @Test
    void aDroppedMemoBecomesTaggedTalks() throws IOException {
        Files.copy(SAMPLE, bucket.resolve("fy2022-events.md"));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> talksSoFar("azure").size() >= 9 && talksSoFar("observability").size() >= 2
                        && !talksSoFar("eks").isEmpty());

        List<Map<String, Object>> azure = talks("azure");
        assertThat(azure).filteredOn(talk -> eventTitle(talk).equals("第42回 Tokyo Jazug Night")).hasSize(9);
        assertThat(azure).noneMatch(talk -> eventTitle(talk).startsWith("Observability Lounge"));

        List<Map<String, Object>> observability = talks("observability");
        assertThat(observability).filteredOn(talk -> eventTitle(talk).startsWith("Observability Lounge")).hasSize(2);

        List<Map<String, Object>> eks = talks("eks");
        assertThat(eks).isNotEmpty().allMatch(talk -> eventTitle(talk).contains("EKS運用の世界"));
        assertThat(eks).noneMatch(talk -> eventTitle(talk).contains("Jazug"));

        JsonPath topics = given().baseUri(query.baseUri()).get("/api/topics").then().statusCode(200).extract().jsonPath();
        assertThat(topics.getList("slug")).contains("azure", "eks", "observability");
    }

    @Test
    void reDroppingOrEditingAMemoReplacesItsTalksAndDeletingItRemovesThem() throws IOException {
        Path file = bucket.resolve("again.md");
        String memo = "# Again night\n## Azure Functions入門\tAliceさん\n* Azure\n";
        Files.writeString(file, memo);
        await().atMost(Duration.ofSeconds(60)).until(() -> countTitled("Azure Functions入門") == 1);

        Files.delete(file);
        Files.writeString(file, memo);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> countTitled("Azure Functions入門") == 1);

        Files.writeString(file, memo.replace("Azure Functions入門", "Azure Functions実践"));
        await().atMost(Duration.ofSeconds(60)).until(() -> countTitled("Azure Functions実践") == 1
                && countTitled("Azure Functions入門") == 0);

        Files.delete(file);
        await().atMost(Duration.ofSeconds(60)).until(() -> countTitled("Azure Functions実践") == 0);
    }

    @Test
    void aChangedTaxonomyRetagsStoredTalksWithoutReingesting() throws IOException {
        Files.writeString(bucket.resolve("orbital.md"), "# Space night\n## Azure Orbital触ってみた\tHiroHataさん\n* 衛星データ\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> logLine(query, "stored orbital.md") != null);
        assertThat(talksSoFar("satellites")).isEmpty();
        long orbitalTalks = countTitled("Azure Orbital触ってみた");

        // The built-in taxonomy plus one topic: a new version, which enrich-service re-reads notes.parsed for.
        Path taxonomy = bucket.resolveSibling("taxonomy-with-satellites.yaml");
        Files.writeString(taxonomy, Files.readString(ROOT.resolve("enrich-service/src/main/resources/taxonomy.yaml"))
                + "\n  - slug: satellites\n    label: Satellites\n    threshold: 2\n    terms: [Orbital, 衛星]\n");
        enrich.close();
        Map<String, String> retagging = new HashMap<>(environment);
        retagging.put("PIPELINE_TAXONOMY_PATH", taxonomy.toString());
        enrich = ServiceProcess.start(ROOT, "enrich-service", FreePorts.pick(), retagging, logs);

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> talksSoFar("satellites").stream().anyMatch(talk -> talk.get("title").equals("Azure Orbital触ってみた")));
        assertThat(countTitled("Azure Orbital触ってみた")).as("re-tagging adds no talk").isEqualTo(orbitalTalks);
    }

    @Test
    void oneTraceFollowsANoteFromTheBucketToTheDatabase() throws IOException {
        Files.writeString(bucket.resolve("traced.md"), "# Traced night\n## Tracing with OpenTelemetry\tAliceさん\n* 監視\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> logLine(query, "stored traced.md") != null);

        String traceId = traceId(logLine(ingest, "published traced.md"));
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
        assertThat(traceId(logLine(enrich, "tagged traced.md"))).isEqualTo(traceId);
        assertThat(traceId(logLine(query, "stored traced.md"))).isEqualTo(traceId);
    }

    @Test
    void everyMetricTheDashboardChartsIsServed() throws IOException {
        // Not the sample memo: a second copy of it would double the talks the other tests count.
        Files.writeString(bucket.resolve("metrics.md"), "# Metrics night\n## Prometheus入門\tBobさん\n* 監視とアラート\n");
        Files.write(bucket.resolve("not-text.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, 0});
        await().atMost(Duration.ofSeconds(60)).until(() -> logLine(query, "stored metrics.md") != null
                && logLine(ingest, "rejected not-text.md") != null);
        given().baseUri(query.baseUri()).queryParam("topic", "azure").get("/api/talks");

        String served = Stream.of(ingest, enrich, query)
                .map(service -> given().baseUri(service.managementUri()).get("/q/metrics").then().statusCode(200).extract().asString())
                .collect(Collectors.joining("\n"));
        Set<String> charted = DashboardMetrics.names(ROOT.resolve(DASHBOARD));
        assertThat(charted).isNotEmpty().allSatisfy(metric ->
                assertThat(served).as("a series of " + metric).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    @Test
    void healthMetricsAndApiDocumentationAreServedOnlyOnTheManagementPort() {
        for (ServiceProcess service : List.of(ingest, enrich, query)) {
            for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                given().baseUri(service.baseUri()).get(path).then().statusCode(404);
            }
            given().baseUri(service.managementUri()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(service.managementUri()).get("/q/metrics").then().statusCode(200);
            // Packaged as in production: Swagger UI is off unless quarkus.swagger-ui.enabled says otherwise.
            given().baseUri(service.managementUri()).get("/q/swagger-ui/").then().statusCode(404);
        }
        for (ServiceProcess documented : List.of(enrich, query)) {
            given().baseUri(documented.managementUri()).get("/q/openapi").then().statusCode(200);
        }
    }

    private static String logLine(ServiceProcess service, String text) throws IOException {
        return Files.readAllLines(service.log()).stream().filter(line -> line.contains(text)).findFirst().orElse(null);
    }

    private static String traceId(String logLine) {
        assertThat(logLine).isNotNull();
        Matcher matcher = TRACE_ID.matcher(logLine);
        assertThat(matcher.find()).as("a trace id in: " + logLine).isTrue();
        return matcher.group(1);
    }

    private static long countTitled(String title) {
        return talksSoFar("azure").stream().filter(talk -> title.equals(talk.get("title"))).count();
    }

    private static List<Map<String, Object>> talks(String topic) {
        return given().baseUri(query.baseUri()).queryParam("topic", topic).queryParam("limit", 100)
                .get("/api/talks").then().statusCode(200).extract().jsonPath().getList("items");
    }

    /** Talks of a topic, or none while no note has carried the topic yet (the API then answers 400 unknown topic). */
    private static List<Map<String, Object>> talksSoFar(String topic) {
        Response response = given().baseUri(query.baseUri()).queryParam("topic", topic)
                .queryParam("limit", 100).get("/api/talks");
        if (response.statusCode() == 400 && response.jsonPath().getString("detail").contains(topic)) {
            return List.of();
        }
        return response.then().statusCode(200).extract().jsonPath().getList("items");
    }

    @SuppressWarnings("unchecked")
    private static String eventTitle(Map<String, Object> talk) {
        return (String) ((Map<String, Object>) talk.get("event")).get("title");
    }
}
