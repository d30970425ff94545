package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The enriched-note flow into PostgreSQL and out over REST, against a real broker and a real database. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class TalkResourceTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    private static EnrichedNote enriched(String noteId, long version, List<String> slugs) {
        return EnrichedNotes.sample(noteId, version, slugs);
    }

    private void send(String key, String value) {
        EnrichedNotes.send(companion, key, value);
    }

    private static int talkCount(String topic) {
        return EnrichedNotes.talkCount(topic);
    }

    @Test
    void storedTalksAreListedByTopicInTheDesignsShape() {
        send("shape.md", NoteJson.write(enriched("shape.md", 1, List.of("shape"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("shape") == 13);

        JsonPath page = given().queryParam("topic", "shape").queryParam("limit", 100).get("/api/talks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("items[0].id")).isNotBlank();
        assertThat(page.getString("items[0].event.title")).isNotBlank();
        assertThat(page.getList("items.title")).contains("Azure Orbital触ってみた");
        assertThat(page.getString("items.find { it.title == 'Azure Orbital触ってみた' }.speaker")).isEqualTo("HiroHata");
        assertThat(page.getString("items[0].topics[0].slug")).isEqualTo("shape");
        assertThat(page.getDouble("items[0].topics[0].score")).isEqualTo(0.9);
        assertThat(page.getString("nextCursor")).isNull();
        List<String> firstEventLinks = page.getList("items.find { it.event.title == '第42回 Tokyo Jazug Night' }.links.kind");
        assertThat(firstEventLinks).isNotNull();
    }

    @Test
    void redeliveryAndOlderVersionsChangeNothingAndANewerVersionReplaces() {
        String version2 = NoteJson.write(enriched("versions.md", 2, List.of("v2")));
        send("versions.md", version2);
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("v2") == 13);

        send("versions.md", version2);
        send("versions.md", NoteJson.write(enriched("versions.md", 1, List.of("v1"))));
        send("versions.md", NoteJson.write(enriched("versions.md", 3, List.of("v3"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("v3") == 13);
        assertThat(talkCount("v2")).isZero();
        assertThat(talkCount("v1")).isZero();
    }

    @Test
    void aTombstoneRemovesTheNotesTalks() {
        send("doomed.md", NoteJson.write(enriched("doomed.md", 1, List.of("doomed"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("doomed") == 13);
        send("doomed.md", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("doomed") == 0);
    }

    @Test
    void topicsAreCountedAndPagesChainThroughCursors() {
        send("paged.md", NoteJson.write(enriched("paged.md", 1, List.of("paged", "both"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("paged") == 13);

        List<Map<String, Object>> topics = given().get("/api/topics").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(topics).anySatisfy(topic -> {
            assertThat(topic.get("slug")).isEqualTo("paged");
            assertThat(topic.get("label")).isEqualTo("PAGED");
            assertThat(topic.get("talkCount")).isEqualTo(13);
        });

        JsonPath first = given().queryParam("topic", "paged").queryParam("topic", "both").queryParam("limit", 5)
                .get("/api/talks").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items")).hasSize(5);
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotNull();
        JsonPath second = given().queryParam("topic", "paged").queryParam("topic", "both").queryParam("limit", 10)
                .queryParam("cursor", cursor).get("/api/talks").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items")).hasSize(8);
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(second.getList("items.id")).doesNotContainAnyElementsOf(first.getList("items.id"));
    }

    @Test
    void badParametersAreProblemsNotErrors() {
        given().queryParam("limit", 0).get("/api/talks").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("limit must be between 1 and 100"));
        given().queryParam("cursor", "not-a-cursor").get("/api/talks").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(400));
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED_DLQ);
        send("garbage.md", "{\"schemaVersion\": 1, \"note\": ");
        send("after-garbage.md", NoteJson.write(enriched("after-garbage.md", 1, List.of("after-garbage"))));

        await().atMost(Duration.ofSeconds(20)).until(() -> dlq.getRecords().stream().anyMatch(record ->
                "garbage.md".equals(record.key())
                        && new String(record.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8)
                                .contains("not a valid EnrichedNote")));
        await().atMost(Duration.ofSeconds(20)).until(() -> talkCount("after-garbage") == 13);
        dlq.stop();
    }

    @Test
    void deletingANoteDropsTheTextOfItsDeadLetter() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED_DLQ);
        send("private-dead.md", "{\"schemaVersion\": 1, \"note\": private text");
        await().atMost(Duration.ofSeconds(20)).until(() -> latest(dlq, "private-dead.md"), found -> found != null && found.value() != null);

        send("private-dead.md", null);

        // The dead letter's latest record is a tombstone: compaction of notes.enriched.dlq then removes the text.
        await().atMost(Duration.ofSeconds(20)).until(() -> latest(dlq, "private-dead.md"), found -> found.value() == null);
        dlq.stop();
    }

    private static ConsumerRecord<String, String> latest(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(record -> key.equals(record.key())).reduce((a, b) -> b).orElse(null);
    }

    @Test
    void aRecordTheDatabaseRefusesGoesToTheDeadLetterTopicAndNothingOfItIsStored() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED_DLQ);
        send("refused.md", NoteJson.write(EnrichedNotes.refusedByTheDatabase(enriched("refused.md", 1, List.of("refused")))));
        send("after-refused.md", NoteJson.write(enriched("after-refused.md", 1, List.of("after-refused"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords().stream().anyMatch(record ->
                "refused.md".equals(record.key()) && record.headers().lastHeader("dead-letter-reason") != null));
        await().atMost(Duration.ofSeconds(30)).until(() -> talkCount("after-refused") == 13);
        assertThat(talkCount("refused")).isZero();
        dlq.stop();
    }

    @Test
    void aRefusedRecordInsideABatchGoesAloneToTheDeadLetterTopicAndTheOthersAreStored() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED_DLQ);
        // Sent together, so the consumer takes them in one poll and stores them in one transaction, which the poison
        // record makes the database refuse.
        companion.produceStrings().fromRecords(
                new ProducerRecord<>(PipelineTopics.ENRICHED, "batch-before.md",
                        NoteJson.write(enriched("batch-before.md", 1, List.of("batch-good")))),
                new ProducerRecord<>(PipelineTopics.ENRICHED, "batch-poison.md",
                        NoteJson.write(EnrichedNotes.refusedByTheDatabase(enriched("batch-poison.md", 1, List.of("batch-poison"))))),
                new ProducerRecord<>(PipelineTopics.ENRICHED, "batch-after.md",
                        NoteJson.write(enriched("batch-after.md", 1, List.of("batch-good"))))).awaitCompletion();

        await().atMost(Duration.ofSeconds(30)).until(() -> talkCount("batch-good") == 26);
        await().atMost(Duration.ofSeconds(30)).until(() -> dlq.getRecords().stream().anyMatch(record ->
                "batch-poison.md".equals(record.key()) && record.headers().lastHeader("dead-letter-reason") != null));
        assertThat(dlq.getRecords()).noneMatch(record -> "batch-before.md".equals(record.key())
                || "batch-after.md".equals(record.key()));
        assertThat(talkCount("batch-poison")).isZero();
        dlq.stop();
    }
}
