package dev.notespipeline.query.messaging;

import dev.notespipeline.contract.PipelineTopics;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Sends a record that cannot be read or stored to {@code notes.enriched.dlq}, as consumed, with the reason in
 * headers (the names SmallRye's dead-letter strategy uses). The consumer sends it itself instead of using that
 * strategy so that nothing but an unusable record is ever dead-lettered: a database outage is waited out.
 *
 * <p>When a note is deleted its dead letter is dropped too ({@link #drop}): a tombstone under its key, so the
 * compacted topic loses the memo's text.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    @Inject
    @Channel("notes-enriched-dlq")
    MutinyEmitter<Record<String, String>> emitter;

    /** Returns once the broker has the record, so the original may be acknowledged. */
    public void send(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, "dead-letter-reason", reason.getMessage() == null ? reason.getClass().getName() : reason.getMessage());
        header(headers, "dead-letter-cause", reason.getClass().getName());
        header(headers, "dead-letter-topic", record.topic());
        header(headers, "dead-letter-partition", Integer.toString(record.partition()));
        header(headers, "dead-letter-offset", Long.toString(record.offset()));
        LOG.warnf("dead-lettered record %s to %s: %s", record.key(), PipelineTopics.ENRICHED_DLQ, reason.getMessage());
        emitter.sendMessageAndAwait(Message.of(Record.of(record.key(), record.value() == null ? "" : record.value()))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(record.key()).withHeaders(headers).build()));
    }

    /** Returns once the broker has the tombstone of {@code key}'s dead letter. */
    public void drop(String key) {
        emitter.sendAndAwait(Record.of(key, null));
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
