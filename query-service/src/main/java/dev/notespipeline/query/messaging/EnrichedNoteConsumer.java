package dev.notespipeline.query.messaging;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.query.service.DatabaseUnavailableException;
import dev.notespipeline.query.service.NoteStore;
import dev.notespipeline.query.service.StoreRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Stores what arrives on {@code notes.enriched}, one record at a time in partition order. The record is
 * acknowledged (its offset committed) only after the database transaction has committed.
 *
 * <p>While the database is unreachable the same record is retried until it is stored, so nothing is skipped
 * and nothing later is acknowledged. A record that cannot be read, or that the database refuses, goes to
 * {@code notes.enriched.dlq} and consumption goes on.
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

    @Incoming("notes-enriched")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        try {
            if (record.value() == null) {
                boolean removed = retry.untilStored(() -> store.delete(record.key()));
                metrics.deleted(removed);
                LOG.infof("deleted %s: %s", record.key(), removed ? "removed" : "was not stored");
            } else {
                EnrichedNote note = NoteJson.readEnriched(record.value());
                NoteStore.Outcome outcome = retry.untilStored(() -> store.store(note));
                metrics.stored(note.note(), outcome);
                LOG.infof("stored %s version %d: %s", record.key(), note.note().version(), outcome);
            }
        } catch (DatabaseUnavailableException e) {
            // Shutting down while waiting: fail without acknowledging, so the record is read again after the restart.
            throw e;
        } catch (RuntimeException e) {
            deadLetters.send(record, e);
            metrics.deadLettered();
        }
    }
}
