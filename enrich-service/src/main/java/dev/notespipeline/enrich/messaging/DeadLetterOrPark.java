package dev.notespipeline.enrich.messaging;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaConnectorIncomingConfiguration;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.BiConsumer;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * The failure strategy of {@code notes.parsed} ({@code failure-strategy=dead-letter-or-park}): a record that could not
 * be tagged goes to {@code notes.parsed.dlq} with its reason, as SmallRye's {@code dead-letter-queue} strategy sends
 * it; when even its dead letter is too large to be written, it is parked ({@link ParkedRecords}) and acknowledged, so
 * the partition moves on instead of waiting forever for an acknowledgement that cannot come (the consumer would fail
 * after {@code throttled.unprocessed-record-max-age.ms} and stop every note after it).
 *
 * <p>Any other failure to write the dead letter (Kafka unreachable) leaves the record unacknowledged, as before: it is
 * not lost, and is tried again.
 */
@ApplicationScoped
@Identifier(DeadLetterOrPark.STRATEGY)
public class DeadLetterOrPark implements KafkaFailureHandler.Factory {

    static final String STRATEGY = "dead-letter-or-park";

    @Inject
    @Identifier(KafkaFailureHandler.Strategy.DEAD_LETTER_QUEUE)
    KafkaFailureHandler.Factory deadLetterQueue;

    @Inject
    ParkedRecords parked;

    @Override
    public KafkaFailureHandler create(KafkaConnectorIncomingConfiguration config, Vertx vertx,
            KafkaConsumer<?, ?> consumer, BiConsumer<Throwable, Boolean> reportFailure) {
        KafkaFailureHandler deadLetters = deadLetterQueue.create(config, vertx, consumer, reportFailure);
        return new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                return deadLetters.handle(record, reason, metadata)
                        .onFailure(DeadLetterOrPark::tooLarge)
                        .recoverWithUni(failure -> {
                            parked.park(record, reason, failure);
                            return Uni.createFrom().completionStage(record.ack());
                        });
            }

            @Override
            public void terminate() {
                deadLetters.terminate();
            }
        };
    }

    private static boolean tooLarge(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
