package dev.notespipeline.enrich.messaging;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.RecordLimits;
import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.text.SearchText;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;

/**
 * Reads {@code notes.parsed}, tags each note and writes {@code notes.enriched} under the same key, with each talk's
 * search text: the words are found here, once, and query-service stores them as they come.
 *
 * <p>The incoming record is acknowledged only once the outgoing one is, so nothing is lost between the two.
 * A record that cannot be read, or whose enriched form would be larger than a record may be ({@link RecordLimits}),
 * goes to {@code notes.parsed.dlq} with the reason, or is parked when even that cannot be written (failure strategy
 * {@link DeadLetterOrPark}); a tombstone passes on as a tombstone, and goes to {@code notes.parsed.dlq} as well,
 * so that a dead letter of the deleted note loses its text when the topic is compacted.
 */
@ApplicationScoped
public class NoteEnricher {

    private static final Logger LOG = Logger.getLogger(NoteEnricher.class);

    @Inject
    TopicTagger tagger;

    @Inject
    TaggingMetrics metrics;

    @Inject
    @Channel("notes-parsed-dlq-tombstones")
    MutinyEmitter<Record<String, String>> deadLetterTombstones;

    @Incoming("notes-parsed")
    @Outgoing("notes-enriched")
    public Uni<Record<String, String>> enrich(Record<String, String> parsed) {
        if (parsed.value() == null) {
            Record<String, String> tombstone = Record.of(parsed.key(), null);
            return deadLetterTombstones.send(tombstone).replaceWith(tombstone);
        }
        return Uni.createFrom().item(() -> tag(parsed));
    }

    private Record<String, String> tag(Record<String, String> parsed) {
        ParsedNote note = NoteJson.readParsed(parsed.value());
        EnrichedNote enriched = tagger.tag(note).withTalkSearchText(SearchText.byTalk(note));
        String value = NoteJson.write(enriched);
        long bytes = RecordLimits.utf8Length(value);
        if (bytes > RecordLimits.MAX_ENRICHED_NOTE_BYTES) {
            throw new OversizedNoteException(parsed.key(), bytes);
        }
        metrics.record(enriched);
        LOG.infof("tagged %s version %d with taxonomy %s", parsed.key(), enriched.note().version(), enriched.taxonomyVersion());
        return Record.of(parsed.key(), value);
    }
}
