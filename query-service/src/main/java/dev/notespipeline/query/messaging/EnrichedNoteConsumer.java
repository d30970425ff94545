package dev.notespipeline.query.messaging;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.query.service.NoteStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Stores what arrives on {@code notes.enriched}. The record is acknowledged (its offset committed) only
 * after the database transaction has committed; an unreadable record goes to {@code notes.enriched.dlq}.
 */
@ApplicationScoped
public class EnrichedNoteConsumer {

    @Inject
    NoteStore store;

    @Incoming("notes-enriched")
    @Blocking
    public void consume(Record<String, String> record) {
        if (record.value() == null) {
            store.delete(record.key());
        } else {
            store.store(NoteJson.readEnriched(record.value()));
        }
    }
}
