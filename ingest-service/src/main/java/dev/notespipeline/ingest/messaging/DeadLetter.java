package dev.notespipeline.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A record that enrich-service or query-service could not process, as it lies in its dead-letter topic: where it
 * came from and why it failed (the headers SmallRye's dead-letter strategy writes, which query-service writes too),
 * and its size; never its text.
 *
 * @param topic the dead-letter topic
 * @param key the note id
 * @param reason the failure's message
 * @param cause the failure's class
 * @param sourceTopic the topic the record was read from
 * @param sourceOffset its offset there, or -1 when unknown
 * @param deadLetteredAt when it was dead-lettered
 * @param bytes the size of the record's value
 */
public record DeadLetter(String topic, String key, String reason, String cause, String sourceTopic, long sourceOffset,
        Instant deadLetteredAt, int bytes) {

    static DeadLetter of(ConsumerRecord<String, byte[]> record) {
        String offset = header(record, "dead-letter-offset");
        return new DeadLetter(record.topic(), record.key(), header(record, "dead-letter-reason"),
                header(record, "dead-letter-cause"), header(record, "dead-letter-topic"),
                offset == null ? -1 : parseOffset(offset), Instant.ofEpochMilli(record.timestamp()), record.value().length);
    }

    private static long parseOffset(String offset) {
        try {
            return Long.parseLong(offset.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
