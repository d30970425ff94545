package dev.notespipeline.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Duration;
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

    private static final Path SAMPLE = Pipeline.SAMPLES.resolve("fy2022-events.md");
    private static final Path DASHBOARD = Path.of("deploy/k8s/components/monitoring/notes-pipeline-dashboard.json");
    private static final Pattern TRACE_ID = Pattern.compile("traceId=([0-9a-f]*)");

    private static Pipeline pipeline;
    private static Path bucket;
    private static ServiceProcess ingest;
    private static ServiceProcess query;

    @BeforeAll
    static void startPipeline() {
        pipeline = Pipeline.start("e2e");
        bucket = pipeline.bucket;
        ingest = pipeline.ingest;
        query = pipeline.query;
    }

    @AfterAll
    static void stopPipeline() {
        if (pipeline != null) {
            pipeline.close();
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
        Files.writeString(taxonomy, Files.readString(Pipeline.ROOT.resolve("enrich-service/src/main/resources/taxonomy.yaml"))
                + "\n  - slug: satellites\n    label: Satellites\n    threshold: 2\n    terms: [Orbital, 衛星]\n");
        pipeline.restartEnrich(Map.of("PIPELINE_TAXONOMY_PATH", taxonomy.toString()));

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
        assertThat(traceId(logLine(pipeline.enrich, "tagged traced.md"))).isEqualTo(traceId);
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

        String served = Stream.of(ingest, pipeline.enrich, query)
                .map(service -> given().baseUri(service.managementUri()).get("/q/metrics").then().statusCode(200).extract().asString())
                .collect(Collectors.joining("\n"));
        Set<String> charted = DashboardMetrics.names(Pipeline.ROOT.resolve(DASHBOARD));
        assertThat(charted).isNotEmpty().allSatisfy(metric ->
                assertThat(served).as("a series of " + metric).containsPattern("(?m)^" + metric + "[{ ]"));
    }

    @Test
    void healthMetricsAndApiDocumentationAreServedOnlyOnTheManagementPort() {
        for (ServiceProcess service : List.of(ingest, pipeline.enrich, query)) {
            for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                given().baseUri(service.baseUri()).get(path).then().statusCode(404);
            }
            given().baseUri(service.managementUri()).get("/q/health/ready").then().statusCode(200);
            given().baseUri(service.managementUri()).get("/q/metrics").then().statusCode(200);
            // Packaged as in production: Swagger UI is off unless quarkus.swagger-ui.enabled says otherwise.
            given().baseUri(service.managementUri()).get("/q/swagger-ui/").then().statusCode(404);
        }
        for (ServiceProcess documented : List.of(ingest, pipeline.enrich, query)) {
            given().baseUri(documented.managementUri()).get("/q/openapi").then().statusCode(200);
        }
    }

    /**
     * A parser change as ingest finds it after an upgrade: stopped, its ledger says an older parser version read two
     * stored files (one to another result than today's, one to the same), and started again. Without anyone touching
     * the files, the first is republished and reaches query-service with its talk ids; the second gets no new version.
     * The memos carry no topic, so that the other tests' counts stay as they are.
     */
    @Test
    void aNewerParserReadsStoredFilesAgainAndRepublishesOnlyChangedResults() throws Exception {
        Files.writeString(bucket.resolve("reread-changed.md"), "# Reread night\n## ふりかえり入門\tAliceさん\n* KPTの回し方\n");
        Files.writeString(bucket.resolve("reread-same.md"), "# Same night\n## 朝会のコツ\tBobさん\n* 雑談から始める\n");
        await().atMost(Duration.ofSeconds(60)).until(() -> logLine(query, "stored reread-changed.md") != null
                && logLine(query, "stored reread-same.md") != null);
        JsonPath changed = ledgerEntry("reread-changed.md");
        JsonPath same = ledgerEntry("reread-same.md");
        int parserVersion = changed.getInt("parserVersion");
        String talkId = talkIdOf("ふりかえり入門");

        pipeline.stopIngest();
        try (Connection ledger = pipeline.database();
             PreparedStatement age = ledger.prepareStatement("UPDATE ingest.note_ledger SET parser_version = ?,"
                     + " result_hash = COALESCE(?, result_hash) WHERE note_key = ?")) {
            age.setInt(1, parserVersion - 1);
            age.setString(2, "what an older parser made of it");
            age.setString(3, "reread-changed.md");
            assertThat(age.executeUpdate()).isEqualTo(1);
            age.setInt(1, parserVersion - 1);
            age.setNull(2, Types.VARCHAR);
            age.setString(3, "reread-same.md");
            assertThat(age.executeUpdate()).isEqualTo(1);
        }
        pipeline.startIngest();
        ingest = pipeline.ingest;

        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerEntry("reread-changed.md").getLong("version")
                > changed.getLong("version"));
        long republished = ledgerEntry("reread-changed.md").getLong("version");
        assertThat(ledgerEntry("reread-changed.md").getInt("parserVersion")).isEqualTo(parserVersion);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> logLine(query, "stored reread-changed.md version " + republished + ": STORED") != null);
        assertThat(talkIdOf("ふりかえり入門")).as("the talk keeps its id").isEqualTo(talkId);
        assertThat(given().baseUri(query.baseUri()).get("/api/talks/" + talkId).then().statusCode(200).extract()
                .jsonPath().getInt("source.parserVersion")).isEqualTo(parserVersion);

        await().atMost(Duration.ofSeconds(60)).until(() -> ledgerEntry("reread-same.md").getInt("parserVersion")
                == parserVersion);
        assertThat(ledgerEntry("reread-same.md").getLong("version")).isEqualTo(same.getLong("version"));
        assertThat(Files.readAllLines(query.log()).stream().filter(line -> line.contains("stored reread-same.md version ")))
                .as("an unchanged result is not published again")
                .allMatch(line -> line.contains("stored reread-same.md version " + same.getLong("version") + ": "));
    }

    private static JsonPath ledgerEntry(String key) {
        return given().baseUri(ingest.baseUri()).get("/api/ingest/notes/" + key).then().statusCode(200).extract().jsonPath();
    }

    private static String talkIdOf(String title) {
        return given().baseUri(query.baseUri()).queryParam("q", title).get("/api/talks").then().statusCode(200)
                .extract().jsonPath().getString("items.find { it.title == '" + title + "' }.id");
    }

    private static String logLine(ServiceProcess service, String text) throws IOException {
        return Pipeline.logLine(service, text);
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

    private static List<Map<String, Object>> talksSoFar(String topic) {
        return QueryApi.talksSoFar(query.baseUri(), topic);
    }

    @SuppressWarnings("unchecked")
    private static String eventTitle(Map<String, Object> talk) {
        return (String) ((Map<String, Object>) talk.get("event")).get("title");
    }
}
