package dev.notespipeline.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.parser.fixtures.SampleNotes;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class NoteEnricherTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void aParsedNoteIsRepublishedWithTopicsUnderItsKey() {
        ConsumerTask<String, String> enriched = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED);
        ParsedNote note = SampleNotes.parsed(SampleNotes.FY2022, 1);
        companion.produceStrings().fromRecords(new ProducerRecord<>(PipelineTopics.PARSED, "memo.md", NoteJson.write(note)));

        ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(enriched, "memo.md"), found -> found != null && found.value() != null);
        EnrichedNote result = NoteJson.readEnriched(record.value());
        String orbitalId = result.note().events().get(1).talks().get(3).id();
        assertThat(result.topicsOfTalk(orbitalId)).extracting(TopicTag::slug).contains("azure");
        // Every talk's search words are segmented here, once; query-service stores them as they come.
        assertThat(result.talkSearchText()).hasSize((int) note.talkCount());
        assertThat(result.talkSearchText().get(orbitalId).split(" ")).contains("azure", "orbital");
        enriched.stop();

        given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then().statusCode(200)
                .body(containsString("enrich_talks_tagged_total{topic=\"azure\"}"))
                .body(containsString("enrich_talks_tagged_total{topic=\"observability\"}"));
    }

    @Test
    void aTombstonePassesOnAsATombstone() {
        ConsumerTask<String, String> enriched = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED);
        companion.produceStrings().fromRecords(new ProducerRecord<>(PipelineTopics.PARSED, "gone.md", null));

        await().atMost(Duration.ofSeconds(30)).until(() -> enriched.getRecords().stream()
                .anyMatch(record -> record.key().equals("gone.md") && record.value() == null));
        enriched.stop();
    }

    @Test
    void anUnreadableRecordGoesToTheDeadLetterTopicWithItsReasonAndTheNextOneIsStillTagged() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.PARSED_DLQ);
        ConsumerTask<String, String> enriched = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED);
        companion.produceStrings().fromRecords(
                new ProducerRecord<>(PipelineTopics.PARSED, "broken.md", "{this is not json"),
                new ProducerRecord<>(PipelineTopics.PARSED, "after.md", NoteJson.write(SampleNotes.parsed(SampleNotes.FY2022, 2))));

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(dlq, "broken.md"), found -> found != null);
        assertThat(dead.value()).isEqualTo("{this is not json");
        assertThat(header(dead, "dead-letter-reason")).contains("not a valid ParsedNote");
        assertThat(header(dead, "dead-letter-topic")).isEqualTo(PipelineTopics.PARSED);
        assertThat(header(dead, "dead-letter-partition")).isEqualTo("0");
        assertThat(header(dead, "dead-letter-offset")).isNotBlank();
        await().atMost(Duration.ofSeconds(30)).until(() -> find(enriched, "after.md") != null);
        dlq.stop();
        enriched.stop();
    }

    @Test
    void deletingANoteDropsTheTextOfItsDeadLetter() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.PARSED_DLQ);
        companion.produceStrings().fromRecords(new ProducerRecord<>(PipelineTopics.PARSED, "private.md", "{private text, not json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> find(dlq, "private.md"), found -> found != null && found.value() != null);

        companion.produceStrings().fromRecords(new ProducerRecord<>(PipelineTopics.PARSED, "private.md", null));

        // The dead letter's latest record is a tombstone: compaction of notes.parsed.dlq then removes the text.
        await().atMost(Duration.ofSeconds(30)).until(() -> find(dlq, "private.md"), found -> found.value() == null);
        dlq.stop();
    }

    @Test
    void aNoteOfAnUnknownSchemaVersionGoesToTheDeadLetterTopicSayingSo() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.PARSED_DLQ);
        companion.produceStrings().fromRecords(
                new ProducerRecord<>(PipelineTopics.PARSED, "future.md", "{\"schemaVersion\": 99, \"noteId\": \"future.md\"}"));

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(30))
                .until(() -> find(dlq, "future.md"), found -> found != null);
        assertThat(header(dead, "dead-letter-reason")).contains("unsupported schemaVersion 99");
        dlq.stop();
    }

    private static ConsumerRecord<String, String> find(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(record -> key.equals(record.key())).reduce((a, b) -> b).orElse(null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
