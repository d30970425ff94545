package dev.notespipeline.ingest.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes to {@code notes.parsed}, keyed by note id, and returns only once Kafka has acknowledged the
 * record, so the caller can remember a file as done without risking its loss.
 */
@ApplicationScoped
public class ParsedNotePublisher {

    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    @Channel("notes-parsed")
    Emitter<Record<String, String>> emitter;

    public void publish(ParsedNote note) {
        send(Record.of(note.noteId(), recordValue(note)));
    }

    /**
     * The note as {@link #publish} sends it.
     *
     * @throws UnpublishableNoteException when the note cannot be written as JSON
     */
    public static String recordValue(ParsedNote note) {
        try {
            return NoteJson.write(note);
        } catch (IllegalArgumentException e) {
            // Jackson's own message names the limit hit (such as nesting depth) without its long reference chain.
            String why = e.getCause() instanceof JsonProcessingException jackson
                    ? jackson.getOriginalMessage() : e.getMessage();
            throw new UnpublishableNoteException("unwritable", "the parsed note cannot be written as JSON: " + why, e);
        }
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
            if (causedByRecordTooLarge(e)) {
                throw new UnpublishableNoteException("record-too-large", "the parsed note is larger than Kafka accepts"
                        + " (the producer's max.request.size, the topic's max.message.bytes)", e);
            }
            throw new PublishException(record.key(), e);
        } catch (TimeoutException e) {
            throw new PublishException(record.key(), e);
        }
    }

    private static boolean causedByRecordTooLarge(Throwable e) {
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
