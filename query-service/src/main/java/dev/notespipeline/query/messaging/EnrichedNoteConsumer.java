package dev.notespipeline.query.messaging;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.query.service.DatabaseUnavailableException;
import dev.notespipeline.query.service.NoteChange;
import dev.notespipeline.query.service.NoteStore;
import dev.notespipeline.query.service.StoreRetry;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores what arrives on {@code notes.enriched} a poll at a time: all the records of a poll in one database
 * transaction, in partition order. The batch is acknowledged (its offsets committed) only after that transaction has
 * committed.
 *
 * <p>While the database is unreachable the same batch is retried until it is stored, so nothing is skipped and nothing
 * later is acknowledged. A record that cannot be read goes to {@code notes.enriched.dlq} on its own. When the database
 * refuses the batch, its records are stored one by one, so that only the refused one is dead-lettered and the rest
 * commit.
 */
@ApplicationScoped
public class EnrichedNoteConsumer {

    private static final Logger LOG = Logger.getLogger(EnrichedNoteConsumer.class);

    @Inject
    NoteStore store;

    @Inject
    StoreRetry retry;

    @Inject
    DeadLetters deadLetters;

    @Inject
    StoreMetrics metrics;

    /** A record that could be read, with what it asks of the store. */
    private record Readable(ConsumerRecord<String, String> record, NoteChange change) {
    }

    @Incoming("notes-enriched")
    @Blocking
    public void consume(ConsumerRecords<String, String> records, IncomingKafkaRecordBatchMetadata<String, String> batch) {
        List<Readable> readable = new ArrayList<>(records.count());
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(new Readable(record, record.value() == null
                        ? new NoteChange.Delete(record.key())
                        : new NoteChange.Store(NoteJson.readEnriched(record.value()))));
            } catch (RuntimeException e) {
                deadLetter(record, e);
            }
        }
        if (readable.isEmpty()) {
            return;
        }
        try {
            report(readable, retry.untilStored(() -> store.store(readable.stream().map(Readable::change).toList())), batch);
        } catch (DatabaseUnavailableException e) {
            // Shutting down while waiting: fail without acknowledging, so the batch is read again after the restart.
            throw e;
        } catch (RuntimeException refused) {
            LOG.debugf(refused, "the database refused a batch of %d records; storing them one by one", readable.size());
            for (Readable one : readable) {
                try {
                    report(List.of(one), retry.untilStored(() -> store.store(List.of(one.change()))), batch);
                } catch (DatabaseUnavailableException e) {
                    throw e;
                } catch (RuntimeException e) {
                    deadLetter(one.record(), e);
                }
            }
        }
    }

    /** Counts and logs each record, in its own trace, so that one note can be followed across the services' logs. */
    private void report(List<Readable> stored, List<NoteStore.Outcome> outcomes,
                        IncomingKafkaRecordBatchMetadata<String, String> batch) {
        for (int i = 0; i < stored.size(); i++) {
            Readable one = stored.get(i);
            NoteStore.Outcome outcome = outcomes.get(i);
            TracingMetadata tracing = batch.getMetadataForRecord(one.record(), TracingMetadata.class);
            try (Scope scope = tracing == null ? Scope.noop() : tracing.getCurrentContext().makeCurrent()) {
                if (one.change() instanceof NoteChange.Store note) {
                    metrics.stored(note.enriched().note(), outcome);
                    LOG.infof("stored %s version %d: %s", one.record().key(), note.enriched().note().version(), outcome);
                } else {
                    metrics.deleted(outcome == NoteStore.Outcome.DELETED);
                    LOG.infof("deleted %s: %s", one.record().key(),
                            outcome == NoteStore.Outcome.DELETED ? "removed" : "was not stored");
                    dropDeadLetter(one.record().key());
                }
            }
        }
    }

    /** A deleted note's dead letter, if it has one, must lose its text too. */
    private void dropDeadLetter(String key) {
        try {
            deadLetters.drop(key);
        } catch (RuntimeException e) {
            // The note itself is deleted; failing the batch now would read it again and stall the channel.
            LOG.warnf("cannot drop the dead letter of deleted note %s: %s; it expires with the topic's retention",
                    key, e.getMessage());
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        deadLetters.send(record, reason);
        metrics.deadLettered();
    }
}
