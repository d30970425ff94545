package dev.notespipeline.ingest.messaging;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pipeline's dead-letter topics ({@code pipeline.dead-letters.topics}), read whole on demand: the latest record
 * of each note id is its dead letter, and a tombstone (which the topics' compaction keeps, then the record's text
 * goes) means it has none. Kafka's own clients with the services' Kafka settings; no consumer group, nothing
 * committed.
 */
@ApplicationScoped
public class DeadLetterTopics {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final List<String> topics;
    private final Map<String, Object> kafka;

    public DeadLetterTopics(@ConfigProperty(name = "pipeline.dead-letters.topics") List<String> topics,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.topics = List.copyOf(topics);
        this.kafka = Map.copyOf(kafka);
    }

    /** Every dead letter, oldest first. */
    public List<DeadLetter> list() {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        settings.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.remove(ConsumerConfig.GROUP_ID_CONFIG);
        Instant deadline = Instant.now().plus(TIMEOUT);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                consumer.partitionsFor(topic, TIMEOUT).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            Map<String, DeadLetter> latest = new LinkedHashMap<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, TIMEOUT) < ends.get(partition))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new DeadLettersUnavailableException("Kafka did not hand over the dead letters within " + TIMEOUT.toSeconds() + " s", null);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    String id = record.topic() + "\u0000" + record.key();
                    latest.remove(id);
                    if (record.value() != null) {
                        latest.put(id, DeadLetter.of(record));
                    }
                }
            }
            return List.copyOf(latest.values());
        } catch (KafkaException e) {
            throw new DeadLettersUnavailableException("cannot read the dead letters from Kafka: " + e.getMessage(), e);
        }
    }

    /** Writes a tombstone for {@code key} into {@code topic}: the note has no dead letter there any more. */
    public void drop(String topic, String key) {
        Map<String, Object> settings = new HashMap<>(kafka);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings)) {
            producer.send(new ProducerRecord<>(topic, key, null)).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeadLettersUnavailableException("interrupted while dropping a dead letter", e);
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            throw new DeadLettersUnavailableException("Kafka did not take the tombstone of dead letter " + key + ": " + e.getMessage(), e);
        }
    }

    /** Kafka cannot be reached now. */
    public static class DeadLettersUnavailableException extends RuntimeException {
        public DeadLettersUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
