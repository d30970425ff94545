package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.BucketObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Acknowledged notes are recorded many per ledger transaction, each only after its acknowledgement. */
class PublicationRecorderTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** A ledger that remembers each call's notes, and can hold a call until told to go on. */
    private static final class BatchLedger extends NoteLedger {

        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch firstCallStarted = new CountDownLatch(1);
        final CountDownLatch goOn = new CountDownLatch(1);

        BatchLedger() {
            super(null);
        }

        @Override
        public void recordPublished(List<Publication> publications) {
            firstCallStarted.countDown();
            try {
                goOn.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            calls.add(publications.stream().map(publication -> publication.object().key()).toList());
        }
    }

    private final BatchLedger ledger = new BatchLedger();
    private final PublicationRecorder recorder = new PublicationRecorder(ledger);

    @AfterEach
    void stop() {
        recorder.stop();
    }

    private static Publication publication(String key) {
        ParsedNote note = new ParsedNote(2, key, 1, "hash", key, null, List.of(), "", List.of(), Instant.EPOCH, 1, null);
        return new Publication(new BucketObject(key, 10, "stamp"), note, "result");
    }

    @Test
    void notesAcknowledgedWhileABatchIsWrittenAreTheNextBatch() throws Exception {
        recorder.start();
        CompletionStage<Void> first = recorder.record(publication("a.md"), CompletableFuture.completedFuture(null));
        assertThat(ledger.firstCallStarted.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

        List<CompletableFuture<Void>> acks = new ArrayList<>();
        List<CompletionStage<Void>> recorded = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            CompletableFuture<Void> ack = new CompletableFuture<>();
            acks.add(ack);
            recorded.add(recorder.record(publication("n" + i + ".md"), ack));
        }
        // Not acknowledged, not recorded: nothing of them reaches the ledger yet.
        acks.subList(0, 19).forEach(ack -> ack.complete(null));
        ledger.goOn.countDown();
        first.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        for (CompletionStage<Void> stage : recorded.subList(0, 19)) {
            stage.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }

        assertThat(ledger.calls).hasSize(2);
        assertThat(ledger.calls.get(0)).containsExactly("a.md");
        assertThat(ledger.calls.get(1)).hasSize(19).doesNotContain("n19.md");
        assertThat(recorded.get(19).toCompletableFuture()).isNotDone();
    }

    @Test
    void aNoteKafkaRefusedIsNeverRecordedAndItsFailureIsPassedOn() throws Exception {
        recorder.start();
        ledger.goOn.countDown();
        IllegalStateException refused = new IllegalStateException("refused");
        CompletionStage<Void> failed = recorder.record(publication("refused.md"), CompletableFuture.failedFuture(refused));
        CompletionStage<Void> published = recorder.record(publication("ok.md"), CompletableFuture.completedFuture(null));

        published.toCompletableFuture().get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(failed.toCompletableFuture()).failsWithin(WAIT).withThrowableOfType(Exception.class)
                .havingRootCause().isSameAs(refused);
        assertThat(ledger.calls.stream().flatMap(List::stream)).containsExactly("ok.md");
    }
}
