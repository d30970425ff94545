package dev.notespipeline.ingest;

import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.PipelineTopics;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Everything on {@code notes.parsed} since the topic began, read with a real consumer. */
public final class ParsedTopic implements AutoCloseable {

    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final KafkaCompanion companion;
    private final ConsumerTask<String, String> records;

    public ParsedTopic(String bootstrapServers) {
        companion = new KafkaCompanion(bootstrapServers);
        records = companion.consumeStrings().fromTopics(PipelineTopics.PARSED);
    }

    /** Every record with this key, tombstones included, in order. */
    public List<ConsumerRecord<String, String>> records(String key) {
        return records.getRecords().stream().filter(record -> key.equals(record.key())).toList();
    }

    /** Waits for the first version of the note, or for a version newer than {@code after}. */
    public ParsedNote awaitNote(String key, long after) {
        return await().atMost(PATIENCE).until(() -> records(key).stream()
                .filter(record -> record.value() != null)
                .map(record -> NoteJson.readParsed(record.value()))
                .filter(note -> note.version() > after)
                .reduce((first, second) -> second)
                .orElse(null), note -> note != null);
    }

    public ParsedNote awaitNote(String key) {
        return awaitNote(key, Long.MIN_VALUE);
    }

    /** Waits for a tombstone that follows the last published version. */
    public void awaitTombstone(String key) {
        await().atMost(PATIENCE).until(() -> {
            List<ConsumerRecord<String, String>> all = records(key);
            return !all.isEmpty() && all.get(all.size() - 1).value() == null;
        });
    }

    public long published(String key) {
        return records(key).stream().filter(record -> record.value() != null).count();
    }

    @Override
    public void close() {
        records.stop();
        companion.close();
    }
}
