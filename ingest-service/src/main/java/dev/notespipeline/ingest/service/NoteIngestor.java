package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.buckets.MemoNames;
import dev.notespipeline.ingest.buckets.RejectedObjectException;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.messaging.ParsedNotePublisher;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import dev.notespipeline.ingest.repository.LedgerState;
import dev.notespipeline.ingest.repository.NoteStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * Handles one stable memo: reads it, parses it, publishes it and records it in the ledger; or refuses it with a
 * reason; or publishes its deletion. The outcome is written only after Kafka acknowledged the record, so a crash in
 * between makes the next run publish the same version again, never lose it; and a note the ledger does not hold yet
 * is first recorded as {@code PENDING}, so such a crash cannot hide it from a later deletion either.
 *
 * <p>The caller's thread reads and parses; it does not wait for Kafka: the outcome of a published note completes
 * once Kafka acknowledged it and {@link PublicationRecorder} recorded it, in a batch with the others.
 */
@ApplicationScoped
public class NoteIngestor {

    /** The span attribute naming the note a trace is about: the root of the trace that follows it downstream. */
    static final AttributeKey<String> NOTE_ID = AttributeKey.stringKey("note.id");

    private static final Logger LOG = Logger.getLogger(NoteIngestor.class);

    /** Why a file is read. */
    private enum Reading {
        /** It is new or changed. */
        CHANGED,
        /** It was rejected, and the limits may have changed since. */
        RETRY_REJECTED,
        /** An older parser read it. */
        NEWER_PARSER,
        /** Downstream dead-lettered it and an admin asks for it again: published even if unchanged. */
        REPLAY
    }

    /** What became of a file. */
    public enum Outcome {
        PUBLISHED,
        /** A tombstone was published. */
        DELETED,
        /** Same bytes as the last time, or a newer parser read them as the older did: nothing to publish. */
        UNCHANGED,
        REJECTED,
        /** Could not be read or not be published now: try again later. */
        RETRY
    }

    private final Bucket bucket;
    private final BucketConfig config;
    private final TimeBoundParser parser;
    private final ParsedNotePublisher publisher;
    private final PublicationRecorder recorder;
    private final NoteLedger ledger;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public NoteIngestor(Bucket bucket, BucketConfig config, TimeBoundParser parser, ParsedNotePublisher publisher,
            PublicationRecorder recorder, NoteLedger ledger, IngestMetrics metrics) {
        this.bucket = bucket;
        this.config = config;
        this.parser = parser;
        this.publisher = publisher;
        this.recorder = recorder;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * @param previous what the ledger knows of this note
     * @param retryRejected read a rejected file again even if its bytes did not change (the limits may have)
     */
    @WithSpan("ingest note")
    public CompletionStage<Outcome> ingest(BucketObject object, Optional<LedgerState> previous, boolean retryRejected) {
        return handle(object, previous, retryRejected ? Reading.RETRY_REJECTED : Reading.CHANGED);
    }

    /**
     * Reads a file again that an older parser read ({@link LedgerState#readByAnOlderParser}). A new version is
     * published only where the result changed; otherwise only the ledger's parser version is updated. Rejected files
     * are parsed again too: the newer parser may accept them, or reject them for another reason.
     */
    @WithSpan("re-read note")
    public CompletionStage<Outcome> reread(BucketObject object, LedgerState previous) {
        return handle(object, Optional.of(previous), Reading.NEWER_PARSER);
    }

    /**
     * Publishes the file as it is now, as a new version, even if its bytes did not change: a dead letter's note sent
     * again after the fault downstream was fixed ({@code POST /api/ingest/dead-letters/replay}). Returns once Kafka
     * acknowledged the note and the ledger recorded it: an admin's request waits for its outcome.
     */
    @WithSpan("replay note")
    public Outcome replay(BucketObject object, Optional<LedgerState> previous) {
        return handle(object, previous, Reading.REPLAY).toCompletableFuture().join();
    }

    private CompletionStage<Outcome> handle(BucketObject object, Optional<LedgerState> previous, Reading reading) {
        Span.current().setAttribute(NOTE_ID, object.key());
        Instant now = clock.instant();
        long maxBytes = config.maxFileSize().asLongValue();
        Optional<String> unsafeName = MemoNames.unsafeReason(object.key());
        if (unsafeName.isPresent()) {
            return completed(reject(object, previous, null, new RejectedObjectException("unsafe-name", unsafeName.get()), now));
        }
        if (object.size() > maxBytes) {
            return completed(reject(object, previous, null, RejectedObjectException.tooLarge(object.size(), maxBytes), now));
        }
        byte[] bytes;
        try {
            bytes = bucket.read(object.key(), maxBytes);
        } catch (RejectedObjectException e) {
            return completed(reject(object, previous, null, e, now));
        } catch (IOException e) {
            LOG.warnf("cannot read %s yet: %s", MemoNames.printable(object.key()), e.getMessage());
            return completed(Outcome.RETRY);
        }
        String hash = ContentHash.of(bytes);
        if (reading != Reading.NEWER_PARSER && reading != Reading.REPLAY
                && previous.filter(state -> isSameContent(state, hash, reading == Reading.RETRY_REJECTED)).isPresent()) {
            ledger.recordUnchanged(object);
            return completed(Outcome.UNCHANGED);
        }
        String text;
        try {
            text = ContentDecoder.decode(bytes);
        } catch (RejectedObjectException e) {
            return completed(reject(object, previous, hash, e, now));
        }
        long version = nextVersion(previous, now);
        ParsedNote note;
        String resultHash;
        try {
            note = parser.parse(object.key(), text, version, hash, now);
            resultHash = ParseResultHash.of(note);
        } catch (RejectedObjectException e) {
            return completed(rejectByParser(object, previous, hash, e, now));
        }
        if (reading == Reading.NEWER_PARSER) {
            boolean unchanged = previous.get().published(hash, resultHash);
            metrics.reread(unchanged);
            if (unchanged) {
                ledger.recordReread(object, note.parserVersion());
                LOG.debugf("parser version %d reads %s as before", note.parserVersion(), MemoNames.printable(object.key()));
                return completed(Outcome.UNCHANGED);
            }
        }
        if (previous.filter(LedgerState::isPresent).isEmpty()) {
            // NoteSynchronizer records the intents of the new files it hands over, many per transaction; a note that
            // comes here without one (a replay of a note the ledger holds as deleted) gets its own.
            ledger.recordIntents(List.of(object), now);
        }
        CompletionStage<Void> sent;
        try {
            sent = publisher.publish(note);
        } catch (ParsedNotePublisher.UnpublishableNoteException e) {
            return completed(rejectByParser(object, previous, hash, new RejectedObjectException(e.reason(), e.getMessage(), e), now));
        } catch (ParsedNotePublisher.PublishException e) {
            LOG.warnf("%s; will try again", e.getMessage());
            return completed(Outcome.RETRY);
        }
        // The outcome arrives on the recorder's thread, outside this note's span: its log lines carry the trace id
        // of the note all the same, so one trace id still follows a note through the three services' logs.
        SpanContext trace = Span.current().getSpanContext();
        return recorder.record(new Publication(object, note, resultHash), sent).handle((recorded, failure) -> {
            MDC.put("traceId", trace.getTraceId());
            MDC.put("spanId", trace.getSpanId());
            try {
                return outcome(object, previous, hash, note, version, reading, failure, now);
            } finally {
                MDC.remove("traceId");
                MDC.remove("spanId");
            }
        });
    }

    private Outcome outcome(BucketObject object, Optional<LedgerState> previous, String hash, ParsedNote note,
            long version, Reading reading, Throwable failure, Instant now) {
        if (failure == null) {
            metrics.published();
            LOG.infof("published %s version %d: %d events, %d talks%s", MemoNames.printable(object.key()), version,
                    note.events().size(), note.talkCount(),
                    switch (reading) {
                        case NEWER_PARSER -> " (read again by parser version " + note.parserVersion() + ")";
                        case REPLAY -> " (replayed for a dead letter)";
                        default -> "";
                    });
            return Outcome.PUBLISHED;
        }
        if (ParsedNotePublisher.isRecordTooLarge(failure)) {
            return rejectByParser(object, previous, hash, new RejectedObjectException("record-too-large",
                    "the parsed note is larger than Kafka accepts (the producer's max.request.size, the topic's"
                            + " max.message.bytes)", failure), now);
        }
        LOG.warnf("%s was not published or not recorded (%s); will try again", MemoNames.printable(object.key()),
                failure.getMessage());
        return Outcome.RETRY;
    }

    /** Publishes a tombstone for a note whose file is gone. */
    @WithSpan("delete note")
    public Outcome delete(String key) {
        Span.current().setAttribute(NOTE_ID, key);
        try {
            publisher.publishDeletion(key);
        } catch (ParsedNotePublisher.PublishException e) {
            LOG.warnf("%s; will try again", e.getMessage());
            return Outcome.RETRY;
        }
        ledger.recordDeleted(key, clock.instant());
        metrics.deleted();
        LOG.infof("published deletion of %s", MemoNames.printable(key));
        return Outcome.DELETED;
    }

    private static CompletionStage<Outcome> completed(Outcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    private static boolean isSameContent(LedgerState state, String hash, boolean retryRejected) {
        return state.status() != NoteStatus.DELETED && hash.equals(state.contentHash())
                && !(retryRejected && state.status() == NoteStatus.REJECTED);
    }

    /** A rejection before the parser read the file: a newer parser would not change it. */
    private Outcome reject(BucketObject object, Optional<LedgerState> previous, String hash, RejectedObjectException e,
            Instant now) {
        return reject(object, previous, hash, e, null, now);
    }

    /** A rejection of what the parser made of the file (or of its failure): a newer parser reads it again. */
    private Outcome rejectByParser(BucketObject object, Optional<LedgerState> previous, String hash,
            RejectedObjectException e, Instant now) {
        return reject(object, previous, hash, e, parser.version(), now);
    }

    private Outcome reject(BucketObject object, Optional<LedgerState> previous, String hash, RejectedObjectException e,
            Integer parserVersion, Instant now) {
        ledger.recordRejected(object, hash, nextVersion(previous, now), e.reason(), e.getMessage(), parserVersion, now);
        metrics.rejected(e.reason());
        LOG.warnf("rejected %s (%s): %s", MemoNames.printable(object.key()), e.reason(), e.getMessage());
        return Outcome.REJECTED;
    }

    /**
     * Monotonic per note; based on the clock as well as the ledger so that a ledger restored from an old backup
     * still yields versions newer than those downstream already has.
     */
    private static long nextVersion(Optional<LedgerState> previous, Instant now) {
        return Math.max(previous.map(state -> state.version() + 1).orElse(1L), now.toEpochMilli());
    }
}
