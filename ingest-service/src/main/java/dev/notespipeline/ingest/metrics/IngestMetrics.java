package dev.notespipeline.ingest.metrics;

import dev.notespipeline.ingest.repository.NoteStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What ingest did, at {@code /q/metrics}: published, deleted and rejected notes, files read again by a newer parser,
 * parse time, ledger size.
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Counter published;
    private final Counter deleted;
    private final Timer parseDuration;
    private final Map<NoteStatus, AtomicLong> ledgerSize = new EnumMap<>(NoteStatus.class);

    public IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.published = Counter.builder("ingest.notes.published")
                .description("Notes parsed and acknowledged by Kafka").register(registry);
        this.deleted = Counter.builder("ingest.notes.deleted")
                .description("Tombstones published for deleted files").register(registry);
        this.parseDuration = Timer.builder("ingest.parse.duration")
                .description("Time to parse one memo").publishPercentileHistogram().register(registry);
        for (NoteStatus status : NoteStatus.values()) {
            AtomicLong size = new AtomicLong();
            ledgerSize.put(status, size);
            Gauge.builder("ingest.ledger.notes", size, AtomicLong::get)
                    .description("Notes in the ledger, by status")
                    .tag("status", status.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    public void published() {
        published.increment();
    }

    public void deleted() {
        deleted.increment();
    }

    /** A file read again because the parser changed; {@code unchanged} when it read as before (nothing published). */
    public void reread(boolean unchanged) {
        Counter.builder("ingest.notes.reread").description("Files read again by a newer parser, by result")
                .tag("result", unchanged ? "unchanged" : "changed").register(registry).increment();
    }

    public void rejected(String reason) {
        Counter.builder("ingest.notes.rejected").description("Files refused, by reason")
                .tag("reason", reason).register(registry).increment();
    }

    public Timer parseDuration() {
        return parseDuration;
    }

    public void ledgerSize(Map<NoteStatus, Long> counts) {
        counts.forEach((status, count) -> ledgerSize.get(status).set(count));
    }
}
