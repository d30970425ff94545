package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.RejectedObjectException;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.config.PreviewConfig;
import dev.notespipeline.ingest.messaging.ParsedNotePublisher;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.concurrent.Semaphore;

/**
 * Reads a memo as ingest would read it from the bucket, and answers with the record it would publish: the same
 * decoding, parser, deadline and JSON, but nothing is published and the ledger is not touched. At most
 * {@code pipeline.ingest.preview.concurrency} previews are parsed at once.
 */
@ApplicationScoped
public class MemoPreviewer {

    /** The version of every preview: no version was given, since nothing was published. */
    public static final long PREVIEW_VERSION = 0;

    private final TimeBoundParser parser;
    private final Semaphore slots;
    private final Clock clock = Clock.systemUTC();

    /** Previews are parsed on threads of their own: they never delay the bucket's files, nor wait behind them. */
    public MemoPreviewer(PreviewConfig config, BucketConfig bucket, IngestMetrics metrics) {
        this.parser = new TimeBoundParser(config.concurrency(), "memo-preview-", bucket.parseTimeout(), metrics);
        this.slots = new Semaphore(config.concurrency());
    }

    @PreDestroy
    void stop() {
        parser.stop();
    }

    /**
     * @param noteId the bucket key the memo would have: its file and folder names can name the event
     * @return the {@code notes.parsed} record value the memo would be published as, with version 0
     * @throws RejectedObjectException for a memo ingest would reject, with the ledger's reason and words
     * @throws BusyException when as many previews as allowed are being parsed
     */
    @WithSpan("preview memo")
    public String preview(String noteId, byte[] bytes) {
        String text = ContentDecoder.decode(bytes);
        if (!slots.tryAcquire()) {
            throw new BusyException();
        }
        ParsedNote note;
        try {
            note = parser.parse(noteId, text, PREVIEW_VERSION, ContentHash.of(bytes), clock.instant());
        } finally {
            slots.release();
        }
        try {
            return ParsedNotePublisher.recordValue(note);
        } catch (ParsedNotePublisher.UnpublishableNoteException e) {
            throw new RejectedObjectException(e.reason(), e.getMessage(), e);
        }
    }

    /** Too many previews at once; the client may try again shortly. */
    public static class BusyException extends RuntimeException {
        BusyException() {
            super("as many previews as allowed (pipeline.ingest.preview.concurrency) are being parsed; try again shortly");
        }
    }
}
