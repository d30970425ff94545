package dev.notespipeline.ingest.deadletters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.problem.Problem;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dead letters of both topics over REST, for the admin only, and their replay from the bucket. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class DeadLetterResourceTest {

    private static final String ADMIN_PASSWORD = "test-only-admin-password";
    private static final String SECRET_TEXT = "the memo's private text";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    @Inject
    LedgerProbe ledger;

    private Path folder;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(Path.of(bucketUrl.substring("file:".length())).resolve("dead"));
    }

    @Test
    void deadLettersOfBothTopicsAreListedWithTheirReasonsButNotTheirTextForTheAdminOnly() {
        deadLetter(PipelineTopics.PARSED_DLQ, "dead/unreadable.md", PipelineTopics.PARSED, "schemaVersion 9 is newer than this service reads");
        deadLetter(PipelineTopics.ENRICHED_DLQ, "dead/refused.md", PipelineTopics.ENRICHED, "ERROR: value too long for type");

        given().get("/api/ingest/dead-letters").then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        given().auth().preemptive().basic("admin", "wrong").get("/api/ingest/dead-letters").then().statusCode(401);

        JsonPath list = await().atMost(Duration.ofSeconds(30)).until(this::list,
                answer -> keys(answer).containsAll(List.of("dead/unreadable.md", "dead/refused.md")));
        Map<String, Object> unreadable = entry(list, "dead/unreadable.md");
        assertThat(unreadable).containsEntry("topic", PipelineTopics.PARSED_DLQ)
                .containsEntry("sourceTopic", PipelineTopics.PARSED)
                .containsEntry("reason", "schemaVersion 9 is newer than this service reads")
                .containsEntry("sourceOffset", 7);
        assertThat(entry(list, "dead/refused.md")).containsEntry("topic", PipelineTopics.ENRICHED_DLQ)
                .containsEntry("reason", "ERROR: value too long for type");
        assertThat(list.prettify()).doesNotContain(SECRET_TEXT);
    }

    @Test
    void aReplayPublishesTheFileAgainAsANewVersionAndDropsItsDeadLetters() throws IOException {
        Files.writeString(folder.resolve("replayed.md"), "# Replay night\n## Talk one\tAlice\n");
        long version = ledger.awaitStatus("dead/replayed.md", NoteStatus.OK).version;
        deadLetter(PipelineTopics.PARSED_DLQ, "dead/replayed.md", PipelineTopics.PARSED, "enrich-service had a bug");
        deadLetter(PipelineTopics.ENRICHED_DLQ, "dead/replayed.md", PipelineTopics.ENRICHED, "the database refused it");
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(list()).contains("dead/replayed.md"));

        try (ParsedTopic parsed = new ParsedTopic(bootstrapServers)) {
            JsonPath replayed = admin().post("/api/ingest/dead-letters/replay?key={key}", "dead/replayed.md")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(replayed.getList("items.key")).containsExactly("dead/replayed.md");
            assertThat(replayed.getString("items[0].result")).isEqualTo("PUBLISHED");
            assertThat(replayed.getList("items[0].topics")).containsExactlyInAnyOrder(PipelineTopics.PARSED_DLQ, PipelineTopics.ENRICHED_DLQ);
            assertThat(parsed.awaitNote("dead/replayed.md", version).talkCount()).isEqualTo(1);
        }
        assertThat(keys(list())).doesNotContain("dead/replayed.md");
    }

    @Test
    void replayingTheDeadLetterOfAFileThatIsGoneDropsIt() {
        deadLetter(PipelineTopics.ENRICHED_DLQ, "dead/gone.md", PipelineTopics.ENRICHED, "the database refused it");
        await().atMost(Duration.ofSeconds(30)).until(() -> keys(list()).contains("dead/gone.md"));

        admin().post("/api/ingest/dead-letters/replay?key={key}", "dead/gone.md").then().statusCode(200)
                .body("items[0].result", equalTo("GONE"));
        assertThat(keys(list())).doesNotContain("dead/gone.md");
    }

    @Test
    void replayingANoteWithoutDeadLettersIsNotFound() {
        admin().post("/api/ingest/dead-letters/replay?key={key}", "dead/never.md").then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE);
        given().post("/api/ingest/dead-letters/replay").then().statusCode(401);
    }

    private io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    private JsonPath list() {
        return admin().get("/api/ingest/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    private static List<String> keys(JsonPath list) {
        return list.getList("items.key");
    }

    private static Map<String, Object> entry(JsonPath list, String key) {
        return list.<Map<String, Object>>getList("items").stream().filter(item -> key.equals(item.get("key"))).findFirst().orElseThrow();
    }

    /** A dead letter as SmallRye's dead-letter strategy (enrich) and query-service's DeadLetters write it. */
    private void deadLetter(String topic, String key, String sourceTopic, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-cause", "java.lang.IllegalArgumentException".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", sourceTopic.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", "7".getBytes(StandardCharsets.UTF_8));
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(topic, null, key, "{\"text\":\"" + SECRET_TEXT + "\"}", headers))
                    .awaitCompletion();
        }
    }
}
