package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import dev.notespipeline.ingest.repository.LedgerState;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.ingest.service.NoteIngestor.Outcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a pass over many waiting files looks at, and what waits for it: a folder of files dropped at once is looked
 * up until each is handed to a worker, not until it is done; new files reach the workers with their intents recorded
 * in batches; and a worker's outcome is taken while a pass waits for the ledger.
 */
class NoteSynchronizerPassTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    /** Files that stay as they are; remembers every stat. */
    private static final class StillFiles implements Bucket {

        final Map<String, BucketObject> files = new ConcurrentHashMap<>();
        final List<String> statted = new CopyOnWriteArrayList<>();

        @Override
        public List<BucketObject> list() {
            return List.copyOf(files.values());
        }

        @Override
        public Optional<BucketObject> stat(String key) {
            statted.add(key);
            return Optional.ofNullable(files.get(key));
        }

        @Override
        public byte[] read(String key, long maxBytes) {
            throw new UnsupportedOperationException("the workers here do not read");
        }

        @Override
        public String url() {
            return "file:still";
        }
    }

    /** A ledger that has never seen a file; remembers every lookup and intent, and can hold the next lookup. */
    private static final class NewLedger extends NoteLedger {

        final List<String> lookedUp = new CopyOnWriteArrayList<>();
        final List<List<String>> intents = new CopyOnWriteArrayList<>();
        final CountDownLatch lookupStarted = new CountDownLatch(1);
        volatile CountDownLatch goOn = new CountDownLatch(0);

        NewLedger() {
            super(null);
        }

        @Override
        public Map<String, LedgerState> find(Collection<String> keys) {
            lookedUp.addAll(keys);
            lookupStarted.countDown();
            try {
                goOn.await(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Map.of();
        }

        @Override
        public Map<String, LedgerState> recordIntents(List<BucketObject> objects, Instant now) {
            intents.add(objects.stream().map(BucketObject::key).toList());
            return objects.stream().collect(Collectors.toMap(BucketObject::key,
                    object -> new LedgerState(object.key(), NoteStatus.PENDING, null, null, 0, null, null)));
        }

        @Override
        public Map<NoteStatus, Long> countByStatus() {
            return Map.of();
        }
    }

    /** Workers that keep each file until the test gives its outcome; remembers what the ledger said at hand-off. */
    private static final class HeldIngestor extends NoteIngestor {

        final Map<String, Optional<LedgerState>> handed = new ConcurrentHashMap<>();
        final Map<String, CompletableFuture<Outcome>> outcomes = new ConcurrentHashMap<>();

        HeldIngestor() {
            super(null, null, null, null, null, null, null);
        }

        @Override
        public CompletionStage<Outcome> ingest(BucketObject object, Optional<LedgerState> previous,
                boolean retryRejected) {
            handed.put(object.key(), previous);
            return outcomes.computeIfAbsent(object.key(), key -> new CompletableFuture<>());
        }
    }

    private final StillFiles bucket = new StillFiles();
    private final NewLedger ledger = new NewLedger();
    private final HeldIngestor ingestor = new HeldIngestor();
    private final NoteSynchronizer synchronizer = new NoteSynchronizer(bucket, ingestor, ledger,
            new IngestMetrics(new SimpleMeterRegistry()), config());

    @AfterEach
    void stop() {
        synchronizer.stop();
    }

    /** Files of a folder dropped at once, each named by its event; handed over at the second look (min-age 0). */
    private void drop(int files) {
        for (int i = 0; i < files; i++) {
            String key = "n" + i + ".md";
            bucket.files.put(key, new BucketObject(key, 10, "stamp"));
            synchronizer.changed(key);
        }
        assertThat(synchronizer.checkChanged().queued()).as("first sight: settling").isZero();
        assertThat(synchronizer.checkChanged().queued()).isEqualTo(files);
        await().atMost(WAIT).until(() -> ingestor.handed.size() == files);
    }

    @Test
    void filesHandedToAWorkerAreNotLookedAtAgainUntilTheirOutcomeIsIn() {
        drop(1_000);
        ledger.lookedUp.clear();
        bucket.statted.clear();
        // Another event for a file being ingested (a second write, say) is kept for after its outcome.
        synchronizer.changed("n0.md");

        synchronizer.checkChanged();
        synchronizer.checkChanged();

        assertThat(ledger.lookedUp).isEmpty();
        assertThat(bucket.statted).isEmpty();

        ingestor.outcomes.get("n0.md").complete(Outcome.PUBLISHED);
        synchronizer.checkChanged();

        assertThat(ledger.lookedUp).containsExactly("n0.md");
        assertThat(bucket.statted).containsExactly("n0.md");
    }

    @Test
    void newFilesReachTheWorkersWithTheirIntentsRecordedManyPerTransaction() {
        drop(1_200);

        assertThat(ledger.intents).hasSize(3);
        assertThat(ledger.intents.stream().flatMap(List::stream))
                .containsExactlyInAnyOrderElementsOf(bucket.files.keySet());
        assertThat(ingestor.handed.values()).allSatisfy(state -> assertThat(state)
                .hasValueSatisfying(recorded -> assertThat(recorded.status()).isEqualTo(NoteStatus.PENDING)));
    }

    @Test
    void aWorkersOutcomeIsTakenWhileAPassWaitsForTheLedger() {
        drop(1);
        bucket.files.put("later.md", new BucketObject("later.md", 10, "stamp"));
        synchronizer.changed("later.md");
        ledger.goOn = new CountDownLatch(1);
        CompletableFuture<ScanSummary> pass = CompletableFuture.supplyAsync(synchronizer::checkChanged);
        await().atMost(WAIT).until(() -> ledger.lookupStarted.getCount() == 0);

        CompletableFuture<Void> outcome = CompletableFuture.runAsync(
                () -> ingestor.outcomes.get("n0.md").complete(Outcome.PUBLISHED));

        assertThat(outcome).succeedsWithin(WAIT);
        assertThat(pass).isNotDone();
        ledger.goOn.countDown();
        assertThat(pass).succeedsWithin(WAIT).extracting(ScanSummary::waiting).isEqualTo(1);
    }

    private static BucketConfig config() {
        return new BucketConfig() {
            @Override
            public String url() {
                return "file:still";
            }

            @Override
            public Duration reconcileInterval() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Duration checkInterval() {
                return Duration.ofMillis(250);
            }

            @Override
            public Duration minAge() {
                return Duration.ZERO;
            }

            @Override
            public MemorySize maxFileSize() {
                return new MemorySize(BigInteger.valueOf(5 << 20));
            }

            @Override
            public Duration parseTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public int workers() {
                return 2;
            }

            @Override
            public S3 s3() {
                return null;
            }

            @Override
            public DeletionGuard deletionGuard() {
                return new DeletionGuard() {
                    @Override
                    public double maxShare() {
                        return 0.5;
                    }

                    @Override
                    public int minNotes() {
                        return 10;
                    }
                };
            }
        };
    }
}
