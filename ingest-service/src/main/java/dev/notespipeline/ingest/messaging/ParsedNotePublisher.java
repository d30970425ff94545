package dev.notespipeline.ingest.messaging;

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
        send(Record.of(note.noteId(), NoteJson.write(note)));
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
        } catch (ExecutionException | TimeoutException e) {
            throw new PublishException(record.key(), e);
        }
    }

    /** Kafka did not acknowledge a record; the file stays pending and is tried again. */
    public static class PublishException extends RuntimeException {
        public PublishException(String noteId, Throwable cause) {
            super("Kafka did not acknowledge note " + noteId, cause);
        }
    }
}
