package dev.notespipeline.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.RecordLimits;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes to {@code notes.parsed}, keyed by note id. A note's publication completes once Kafka has acknowledged
 * the record, so the caller can remember a file as done without risking its loss, and need not wait for it: many
 * notes are in flight at once, in the producer's batches. A deletion returns only once acknowledged.
 */
@ApplicationScoped
public class ParsedNotePublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);
    /**
     * Notes sent and not yet acknowledged, at most: a worker that would send more waits (up to {@link #ACK_TIMEOUT}),
     * so a slow or absent Kafka slows the workers down instead of piling records up in memory.
     */
    static final int MAX_IN_FLIGHT = 256;

    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);

    @Inject
    @Channel("notes-parsed")
    Emitter<Record<String, String>> emitter;

    /**
     * Sends the note without waiting for Kafka.
     *
     * @return completes when Kafka acknowledged it, or fails ({@link #isRecordTooLarge} tells whether it never can)
     * @throws UnpublishableNoteException when the note cannot be written as JSON
     * @throws PublishException when Kafka has not acknowledged {@link #MAX_IN_FLIGHT} notes for a long time
     */
    public CompletionStage<Void> publish(ParsedNote note) {
        Record<String, String> record = Record.of(note.noteId(), recordValue(note));
        try {
            if (!inFlight.tryAcquire(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new PublishException(note.noteId(), new TimeoutException(MAX_IN_FLIGHT
                        + " notes are still waiting for Kafka's acknowledgement"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(note.noteId(), e);
        }
        CompletionStage<Void> sent;
        try {
            sent = emitter.send(record);
        } catch (RuntimeException e) {
            inFlight.release();
            throw new PublishException(note.noteId(), e);
        }
        return sent.whenComplete((ignored, failure) -> inFlight.release());
    }

    /**
     * The note as {@link #publish} sends it.
     *
     * @throws UnpublishableNoteException when the note cannot be written as JSON, or is too large to travel through
     *     the pipeline (its enriched form and its dead letters must fit a record too: {@link RecordLimits})
     */
    public static String recordValue(ParsedNote note) {
        String value;
        try {
            value = NoteJson.write(note);
        } catch (IllegalArgumentException e) {
            // Jackson's own message names the limit hit (such as nesting depth) without its long reference chain.
            String why = e.getCause() instanceof JsonProcessingException jackson
                    ? jackson.getOriginalMessage() : e.getMessage();
            throw new UnpublishableNoteException("unwritable", "the parsed note cannot be written as JSON: " + why, e);
        }
        long bytes = RecordLimits.utf8Length(value);
        if (bytes > RecordLimits.MAX_PARSED_NOTE_BYTES) {
            throw new UnpublishableNoteException("record-too-large", "the parsed note is " + bytes + " bytes; "
                    + PipelineTopics.PARSED + " carries parsed notes of at most " + RecordLimits.MAX_PARSED_NOTE_BYTES
                    + " bytes, so that the tagged note and its dead letters fit a Kafka record too; split the memo",
                    null);
        }
        return value;
    }

    /** A tombstone: the file is gone, and so must be its talks downstream. */
    public void publishDeletion(String noteId) {
        send(Record.of(noteId, null));
    }

    private void send(Record<String, String> record) {
        try {
            emitter.send(record).toCompletableFuture().get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishException(record.key(), e);
        } catch (ExecutionException e) {
            throw new PublishException(record.key(), e);
        } catch (TimeoutException e) {
            throw new PublishException(record.key(), e);
        }
    }

    /** Whether Kafka refused a publication because the record is too large: trying again cannot help. */
    public static boolean isRecordTooLarge(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.apache.kafka.common.errors.RecordTooLargeException) {
                return true;
            }
        }
        return false;
    }

    /** Kafka did not acknowledge a record; the file stays pending and is tried again. */
    public static class PublishException extends RuntimeException {
        public PublishException(String noteId, Throwable cause) {
            super("Kafka did not acknowledge note " + noteId, cause);
        }
    }

    /** A note that can never be published as it is (trying again cannot help): it must be rejected. */
    public static class UnpublishableNoteException extends RuntimeException {

        private final String reason;

        public UnpublishableNoteException(String reason, String detail, Throwable cause) {
            super(detail, cause);
            this.reason = reason;
        }

        /** A short code, used as a metric tag. */
        public String reason() {
            return reason;
        }
    }
}
