package dev.notespipeline.query.messaging;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.query.service.NoteStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * What the consumer did, for /q/metrics. {@code pipeline_note_queryable_seconds} is the pipeline's end-to-end
 * latency: from ingest first seeing a file version to its talks being committed here, where they are queryable.
 */
@ApplicationScoped
@Startup // registers the meters at start-up, so dashboards show zeros rather than gaps before the first note
public class StoreMetrics {

    private final MeterRegistry registry;
    private final Timer queryable;
    private final Counter deleted;
    private final Counter deadLettered;

    @Inject
    public StoreMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.queryable = Timer.builder("pipeline.note.queryable")
                .description("From a note version's detection by ingest to its talks being queryable")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10))
                .maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
        this.deleted = Counter.builder("query.notes.deleted").description("Tombstones that removed a stored note")
                .register(registry);
        this.deadLettered = Counter.builder("query.records.dead.lettered")
                .description("Records sent to notes.enriched.dlq").register(registry);
    }

    void stored(ParsedNote note, NoteStore.Outcome outcome) {
        Counter.builder("query.notes.stored").description("notes.enriched records by what storing them did")
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT)).register(registry).increment();
        if (outcome == NoteStore.Outcome.STORED && note.detectedAt() != null) {
            Duration latency = Duration.between(note.detectedAt(), Instant.now());
            if (!latency.isNegative()) {
                queryable.record(latency);
            }
        }
    }

    void deleted(boolean removed) {
        if (removed) {
            deleted.increment();
        }
    }

    void deadLettered() {
        deadLettered.increment();
    }
}
