package dev.notespipeline.ingest.service;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * Records in the ledger the notes Kafka acknowledged, in batches, on a thread of its own: the workers that parse
 * files hand a note over once it is sent and go on with the next file, instead of each waiting for Kafka's round trip
 * and a transaction of its own. Whatever was acknowledged while the last batch was being written is the next batch.
 *
 * <p>A note is recorded only after its acknowledgement, as before; a crash in between leaves it unrecorded (its
 * {@code PENDING} intent, or its older version), so the next run publishes it again.
 */
@ApplicationScoped
public class PublicationRecorder {

    private static final Logger LOG = Logger.getLogger(PublicationRecorder.class);
    /** Notes per transaction at most. */
    static final int BATCH = 500;
    /**
     * Notes handed over and not yet recorded, at most: a worker that would hand over more waits, so acknowledged notes
     * cannot pile up in memory while the recorder waits (for the database, or the synchroniser).
     */
    static final int MAX_UNRECORDED = 256;

    private final NoteLedger ledger;
    private final BlockingQueue<Acknowledged> acknowledged = new LinkedBlockingQueue<>();
    private final Semaphore unrecorded = new Semaphore(MAX_UNRECORDED);
    private Thread thread;

    public PublicationRecorder(NoteLedger ledger) {
        this.ledger = ledger;
    }

    @PostConstruct
    void start() {
        thread = new Thread(this::run, "ledger-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param sent completes when Kafka acknowledged the note
     * @return completes once the note is recorded as published; fails with Kafka's or the ledger's failure
     */
    public CompletionStage<Void> record(Publication publication, CompletionStage<Void> sent) {
        CompletableFuture<Void> recorded = new CompletableFuture<>();
        try {
            unrecorded.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            recorded.completeExceptionally(e);
            return recorded;
        }
        // Failures too go through the queue: whatever follows a note's outcome (a rejection in the ledger, the
        // synchroniser's lock) then runs here, never on the producer's thread that reported it.
        sent.whenComplete((ignored, failure) -> acknowledged.add(new Acknowledged(publication, failure, recorded)));
        return recorded;
    }

    private void run() {
        List<Acknowledged> batch = new ArrayList<>();
        while (true) {
            try {
                batch.add(acknowledged.take());
            } catch (InterruptedException e) {
                return;
            }
            acknowledged.drainTo(batch, BATCH - 1);
            batch.stream().filter(entry -> entry.failure() != null)
                    .forEach(entry -> entry.recorded().completeExceptionally(entry.failure()));
            List<Acknowledged> published = batch.stream().filter(entry -> entry.failure() == null).toList();
            try {
                if (!published.isEmpty()) {
                    ledger.recordPublished(published.stream().map(Acknowledged::publication).toList());
                }
                published.forEach(entry -> entry.recorded().complete(null));
            } catch (RuntimeException e) {
                LOG.debugf(e, "cannot record %d published notes", published.size());
                published.forEach(entry -> entry.recorded().completeExceptionally(e));
            }
            unrecorded.release(batch.size());
            batch.clear();
        }
    }

    @PreDestroy
    void stop() {
        thread.interrupt();
    }

    /** @param failure why Kafka did not acknowledge it, or null */
    private record Acknowledged(Publication publication, Throwable failure, CompletableFuture<Void> recorded) {
    }
}
