package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.buckets.MemoNames;
import dev.notespipeline.ingest.buckets.RejectedObjectException;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.messaging.ParsedNotePublisher;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import dev.notespipeline.ingest.repository.NoteStatus;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Handles one stable memo: reads it, parses it, publishes it and records it in the ledger; or refuses it with a
 * reason; or publishes its deletion. The ledger is written only after Kafka acknowledged the record, so a crash in
 * between makes the next run publish the same version again, never lose it.
 */
@ApplicationScoped
public class NoteIngestor {

    /** The span attribute naming the note a trace is about: the root of the trace that follows it downstream. */
    static final AttributeKey<String> NOTE_ID = AttributeKey.stringKey("note.id");

    private static final Logger LOG = Logger.getLogger(NoteIngestor.class);

    /** What became of a file. */
    public enum Outcome {
        PUBLISHED,
        /** A tombstone was published. */
        DELETED,
        /** Same bytes as the last time: nothing to publish. */
        UNCHANGED,
        REJECTED,
        /** Could not be read or not be published now: try again later. */
        RETRY
    }

    private final Bucket bucket;
    private final BucketConfig config;
    private final TimeBoundParser parser;
    private final ParsedNotePublisher publisher;
    private final NoteLedger ledger;
    private final IngestMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public NoteIngestor(Bucket bucket, BucketConfig config, TimeBoundParser parser, ParsedNotePublisher publisher,
            NoteLedger ledger, IngestMetrics metrics) {
        this.bucket = bucket;
        this.config = config;
        this.parser = parser;
        this.publisher = publisher;
        this.ledger = ledger;
        this.metrics = metrics;
    }

    /**
     * @param previous what the ledger knows of this note
     * @param retryRejected read a rejected file again even if its bytes did not change (the limits may have)
     */
    @WithSpan("ingest note")
    public Outcome ingest(BucketObject object, Optional<LedgerState> previous, boolean retryRejected) {
        Span.current().setAttribute(NOTE_ID, object.key());
        Instant now = clock.instant();
        long maxBytes = config.maxFileSize().asLongValue();
        Optional<String> unsafeName = MemoNames.unsafeReason(object.key());
        if (unsafeName.isPresent()) {
            return reject(object, previous, null, new RejectedObjectException("unsafe-name", unsafeName.get()), now);
        }
        if (object.size() > maxBytes) {
            return reject(object, previous, null, RejectedObjectException.tooLarge(object.size(), maxBytes), now);
        }
        byte[] bytes;
        try {
            bytes = bucket.read(object.key(), maxBytes);
        } catch (RejectedObjectException e) {
            return reject(object, previous, null, e, now);
        } catch (IOException e) {
            LOG.warnf("cannot read %s yet: %s", MemoNames.printable(object.key()), e.getMessage());
            return Outcome.RETRY;
        }
        String hash = sha256(bytes);
        if (previous.filter(state -> isSameContent(state, hash, retryRejected)).isPresent()) {
            ledger.recordUnchanged(object);
            return Outcome.UNCHANGED;
        }
        long version = nextVersion(previous, now);
        ParsedNote note;
        try {
            note = parser.parse(object.key(), ContentDecoder.decode(bytes), version, hash, now);
        } catch (RejectedObjectException e) {
            return reject(object, previous, hash, e, now);
        }
        try {
            publisher.publish(note);
        } catch (ParsedNotePublisher.UnpublishableNoteException e) {
            return reject(object, previous, hash, new RejectedObjectException(e.reason(), e.getMessage(), e), now);
        } catch (ParsedNotePublisher.PublishException e) {
            LOG.warnf("%s; will try again", e.getMessage());
            return Outcome.RETRY;
        }
        ledger.recordPublished(object, note);
        metrics.published();
        LOG.infof("published %s version %d: %d events, %d talks", MemoNames.printable(object.key()), version,
                note.events().size(), note.talkCount());
        return Outcome.PUBLISHED;
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

    private static boolean isSameContent(LedgerState state, String hash, boolean retryRejected) {
        return state.status() != NoteStatus.DELETED && hash.equals(state.contentHash())
                && !(retryRejected && state.status() == NoteStatus.REJECTED);
    }

    private Outcome reject(BucketObject object, Optional<LedgerState> previous, String hash, RejectedObjectException e,
            Instant now) {
        ledger.recordRejected(object, hash, nextVersion(previous, now), e.reason(), e.getMessage(), now);
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

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
