package dev.notespipeline.enrich.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.RecordLimits;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

/**
 * A note whose enriched form cannot be written (it came to notes.parsed without ingest's size check) never stops the
 * notes after it: it is dead-lettered with its reason, or, when even that is too large, parked where an operator sees
 * it. Before, the write failed, the dead letter failed too, and the partition waited forever.
 */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class OversizedNoteTest {

    private static final int MIB = 1024 * 1024;

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Test
    void aNoteTooLargeToEnrichIsDeadLetteredWithItsReasonAndTheNextNoteIsTagged() {
        ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.PARSED_DLQ);
        ConsumerTask<String, String> enriched = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED);
        // Too large enriched, yet its dead letter (the parsed note and a few headers) fits a record.
        produce(noteOfSize("too-large.md", RecordLimits.MAX_ENRICHED_NOTE_BYTES + 64 * 1024), "next.md");

        ConsumerRecord<String, String> dead = await().atMost(Duration.ofSeconds(120))
                .until(() -> find(dlq, "too-large.md"), found -> found != null);
        assertThat(header(dead, "dead-letter-reason")).contains("the enriched note too-large.md is")
                .contains("holds at most " + RecordLimits.MAX_ENRICHED_NOTE_BYTES);
        await().atMost(Duration.ofSeconds(120)).until(() -> find(enriched, "next.md") != null);
        assertThat(find(enriched, "too-large.md")).isNull();
        dlq.stop();
        enriched.stop();
    }

    @Test
    void aNoteWhoseDeadLetterIsTooLargeIsParkedAndTheNextNoteIsTagged() {
        ConsumerTask<String, String> enriched = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED);
        produce(noteOfSize("huge.md", RecordLimits.MAX_RECORD_BYTES + 4 * MIB), "after-huge.md");

        await().atMost(Duration.ofSeconds(120)).until(() -> find(enriched, "after-huge.md") != null);
        assertThat(find(enriched, "huge.md")).isNull();
        enriched.stop();
        given().baseUri(ManagementInterface.baseUri()).when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*pipeline_records_parked_total\\{topic=\"notes.parsed\"} [1-9].*"));
    }

    /** {@code big} then a sample note, sent as a producer that bypasses ingest would. */
    private void produce(ParsedNote big, String nextKey) {
        companion.produceStrings()
                .withProps(Map.of(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 64 * MIB, ProducerConfig.BUFFER_MEMORY_CONFIG,
                        128 * MIB, ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"))
                .fromRecords(new ProducerRecord<>(PipelineTopics.PARSED, big.noteId(), NoteJson.write(big)),
                        new ProducerRecord<>(PipelineTopics.PARSED, nextKey,
                                NoteJson.write(SampleNotes.parsed(SampleNotes.FY2022, nextKey, 1))))
                .awaitCompletion(Duration.ofSeconds(60));
    }

    /**
     * A sample note made {@code bytes} long as JSON, about, by front-matter tags (which the tagger does not read) of
     * 4 MiB each: Jackson reads no single string over 20 million characters.
     */
    private static ParsedNote noteOfSize(String noteId, int bytes) {
        ParsedNote sample = SampleNotes.parsed(SampleNotes.FY2022, noteId, 1);
        int rest = bytes - NoteJson.write(sample).getBytes(StandardCharsets.UTF_8).length;
        List<String> tags = new ArrayList<>();
        for (; rest > 0; rest -= 4 * MIB + 3) {
            tags.add("t".repeat(Math.min(rest, 4 * MIB)));
        }
        return new ParsedNote(sample.schemaVersion(), sample.noteId(), sample.version(), sample.contentHash(),
                sample.title(), sample.date(), tags, sample.preamble(), sample.events(), sample.detectedAt(),
                sample.parserVersion(), sample.layout());
    }

    private static ConsumerRecord<String, String> find(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(record -> key.equals(record.key())).reduce((a, b) -> b).orElse(null);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
