package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.buckets.BucketChangeListener;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.buckets.MemoNames;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import dev.notespipeline.ingest.repository.LedgerState;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.ingest.service.NoteIngestor.Outcome;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Keeps the ledger (and so {@code notes.parsed}) in step with the bucket. A full {@link #reconcile reconciliation}
 * compares a listing with the ledger: it alone would find every change, also those made while the service was
 * down. {@link #checkChanged} looks only at files named by events or still settling, which makes changes fast.
 *
 * <p>Files that an older parser read are read again by the same workers ({@link NoteIngestor#reread}), at the
 * first reconciliation after a start and at every one after: a crash before the ledger recorded a re-read leaves the
 * old parser version in it, so the file is simply read again.
 *
 * <p>Stable files are read and parsed by a few workers, one file per worker and never two for the same note, so a
 * file that takes long to parse holds up no other. A worker hands the parsed note to Kafka and takes the next file;
 * the note counts as being ingested until Kafka acknowledged it and the ledger recorded it
 * ({@link PublicationRecorder}). The only state kept in memory is which files are settling or being
 * ingested; everything else is in the ledger, so a restarted service resumes where it stopped.
 *
 * <p>One pass runs at a time. A pass takes what it will look at under this object's monitor, then stats the files and
 * reads the ledger without it, and takes it again only to decide: the recorder, which reports every outcome here,
 * never waits for a pass's I/O. A file being ingested is not in a pass at all (its ledger row changes under it), so a
 * pass over a folder of files dropped at once looks at each of them until it is handed over, not until it is done.
 */
@ApplicationScoped
public class NoteSynchronizer implements BucketChangeListener {

    private static final Logger LOG = Logger.getLogger(NoteSynchronizer.class);
    /** New files whose intents are recorded in one transaction, at most, before they go to the workers. */
    static final int INTENTS_PER_TRANSACTION = 500;
    /**
     * While the bucket cannot be listed it is listed again this often, not at the next reconciliation: readiness and
     * ingestion come back within a second of the bucket, and a failed listing costs one request.
     */
    static final Duration OUTAGE_RETRY = Duration.ofSeconds(1);

    private final Bucket bucket;
    private final NoteIngestor ingestor;
    private final NoteLedger ledger;
    private final IngestMetrics metrics;
    private final StabilityTracker tracker;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    /** Files handed to a worker or being tombstoned, until their outcome is in: guarded by this object's monitor. */
    private final Set<String> ingesting = new HashSet<>();
    private final Object passes = new Object();
    private final AtomicBoolean listingNeeded = new AtomicBoolean();
    private final AtomicBoolean ledgerSizeChanged = new AtomicBoolean();
    private final ExecutorService workers;
    private final BucketConfig.DeletionGuard guard;
    /** Why the bucket cannot be listed, since the first of a row of failed listings; null while it can be. */
    private volatile ListingOutage outage;
    private volatile Instant lastListing = Instant.MIN;
    private volatile String heldDeletions;

    public NoteSynchronizer(Bucket bucket, NoteIngestor ingestor, NoteLedger ledger, IngestMetrics metrics,
            BucketConfig config) {
        this.bucket = bucket;
        this.ingestor = ingestor;
        this.ledger = ledger;
        this.metrics = metrics;
        this.tracker = new StabilityTracker(config.minAge());
        this.guard = config.deletionGuard();
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.workers(), task -> {
            Thread thread = new Thread(task, "note-ingest-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Why the bucket cannot be followed now (a failed listing, deletions held by the guard), or empty. */
    public Optional<String> unavailable() {
        return Optional.ofNullable(outage).map(ListingOutage::reason).or(() -> Optional.ofNullable(heldDeletions));
    }

    @Override
    public void changed(String key) {
        changed.add(key);
    }

    @Override
    public void listingNeeded() {
        listingNeeded.set(true);
    }

    /**
     * Lists the whole bucket; hands every file whose size or stamp differs from the ledger's to the workers once it
     * is stable, and tombstones every note of the ledger whose file is gone.
     *
     * @param retryRejected read rejected files again even if unchanged (after a limit was raised)
     * @param confirmDeletions delete even more notes than the deletion guard lets one pass delete
     */
    public ScanSummary reconcile(boolean retryRejected, boolean confirmDeletions) {
        synchronized (passes) {
            listingNeeded.set(false);
            Set<String> busy;
            synchronized (this) {
                busy = Set.copyOf(ingesting);
            }
            List<BucketObject> listing;
            Map<String, LedgerState> known;
            Instant listedAt = clock.instant();
            lastListing = listedAt;
            try {
                listing = bucket.list();
            } catch (IOException | RuntimeException e) {
                // A failed listing must not look as if every file had been deleted.
                String reason = "cannot list " + bucket.url() + ": " + e.getMessage();
                if (outage == null) {
                    LOG.warnf("%s; listing it again every %d s until it can be", reason, OUTAGE_RETRY.toSeconds());
                    outage = new ListingOutage(reason, listedAt);
                } else {
                    outage = new ListingOutage(reason, outage.since());
                }
                return new ScanSummary(0, 0, 0, waiting());
            }
            if (outage != null) {
                LOG.infof("%s can be listed again, after %d s", bucket.url(),
                        Duration.between(outage.since(), listedAt).toSeconds());
                outage = null;
            }
            try {
                known = ledger.present();
            } catch (RuntimeException e) {
                LOG.warnf("cannot read the ledger: %s; trying again at the next reconciliation", e.getMessage());
                return new ScanSummary(0, 0, 0, waiting());
            }
            Set<String> listed = new HashSet<>();
            List<Handoff> handoffs = new ArrayList<>();
            List<String> deletions = new ArrayList<>();
            synchronized (this) {
                for (BucketObject object : listing) {
                    listed.add(object.key());
                    // A file that was being ingested when the pass began may have a newer row than the one read.
                    if (!busy.contains(object.key())) {
                        consider(object, Optional.ofNullable(known.get(object.key())), retryRejected)
                                .ifPresent(handoffs::add);
                    }
                }
                List<String> gone = known.keySet().stream().filter(key -> !listed.contains(key)).sorted().toList();
                if (!confirmDeletions && isMassDeletion(gone.size(), known.size())) {
                    heldDeletions = "the listing of " + bucket.url() + " lacks " + gone.size() + " of the "
                            + known.size() + " notes in the ledger, more than pipeline.bucket.deletion-guard allows in"
                            + " one pass: nothing is deleted. If they were deleted on purpose,"
                            + " POST /api/ingest/rescan?confirm-deletions=true";
                    LOG.warn(heldDeletions);
                } else {
                    heldDeletions = null;
                    // Claimed like a file being ingested, so no pass hands a file of that name to a worker before
                    // its tombstone is out.
                    for (String key : gone) {
                        if (!busy.contains(key) && ingesting.add(key)) {
                            deletions.add(key);
                        }
                    }
                }
                tracker.retainOnly(listed);
            }
            int queued = handOver(handoffs);
            int deleted = 0;
            for (String key : deletions) {
                deleted += delete(key) ? 1 : 0;
            }
            if (deleted > 0) {
                refreshLedgerSize();
            }
            return new ScanSummary(listing.size(), queued, deleted, waiting());
        }
    }

    /** When a file still settling will have been still for the minimum age (see {@link StabilityTracker}). */
    public synchronized Optional<Instant> nextSettled() {
        return tracker.nextSettled(clock.instant());
    }

    /** Looks again at files named by events, and at files that were still settling. */
    public ScanSummary checkChanged() {
        synchronized (passes) {
            if (ledgerSizeChanged.getAndSet(false)) {
                refreshLedgerSize();
            }
            if (listingNeeded.get() || outageRetryDue()) {
                return reconcile(false, false);
            }
            Set<String> keys = new HashSet<>();
            synchronized (this) {
                keys.addAll(tracker.waiting());
                for (String key : Set.copyOf(changed)) {
                    // A change to a file being ingested is looked at once its outcome is in.
                    if (!ingesting.contains(key)) {
                        changed.remove(key);
                        keys.add(key);
                    }
                }
                keys.removeAll(ingesting);
            }
            Map<String, LedgerState> states;
            try {
                // One query per thousand waiting files: thousands of them settle at once when a folder is dropped in.
                states = keys.isEmpty() ? Map.of() : ledger.find(keys);
            } catch (RuntimeException e) {
                changed.addAll(keys);
                LOG.warnf("cannot read the ledger now: %s; checking again shortly", e.getMessage());
                return new ScanSummary(keys.size(), 0, 0, waiting());
            }
            Map<String, Optional<BucketObject>> seen = new HashMap<>();
            for (String key : keys) {
                try {
                    seen.put(key, bucket.stat(key));
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("cannot check %s now: %s; the next reconciliation will", MemoNames.printable(key),
                            e.getMessage());
                }
            }
            List<Handoff> handoffs = new ArrayList<>();
            synchronized (this) {
                seen.forEach((key, object) -> {
                    Optional<LedgerState> state = Optional.ofNullable(states.get(key));
                    if (object.isPresent()) {
                        consider(object.get(), state, false).ifPresent(handoffs::add);
                    } else {
                        tracker.forget(key);
                        if (state.filter(LedgerState::isPresent).isPresent()) {
                            // Deleted only by a listing, where a missing bucket and the deletion guard are checked.
                            listingNeeded.set(true);
                        }
                    }
                });
            }
            return new ScanSummary(keys.size(), handOver(handoffs), 0, waiting());
        }
    }

    private boolean outageRetryDue() {
        return outage != null && !clock.instant().isBefore(lastListing.plus(OUTAGE_RETRY));
    }

    /** The latest failed listing's reason, and when the listings began to fail. */
    private record ListingOutage(String reason, Instant since) {
    }

    /** A pass may tombstone a share of the notes, not most of them: that looks like a bucket that is not itself. */
    private boolean isMassDeletion(int deletions, int present) {
        return deletions > guard.minNotes() && deletions > guard.maxShare() * present;
    }

    /** @return the file claimed for a worker, if it is to be read; called under this object's monitor */
    private Optional<Handoff> consider(BucketObject object, Optional<LedgerState> state, boolean retryRejected) {
        if (ingesting.contains(object.key())) {
            // Its worker's outcome decides; a newer change is seen by the next check.
            return Optional.empty();
        }
        Optional<LedgerState> handled = state.filter(LedgerState::isPresent)
                .filter(s -> object.fingerprint().equals(s.fingerprint()));
        boolean reread = handled.filter(LedgerState::readByAnOlderParser).isPresent();
        if (handled.isPresent() && !reread && !(retryRejected && handled.get().status() == NoteStatus.REJECTED)) {
            tracker.forget(object.key());
            return Optional.empty();
        }
        // A file handled as it is (retried, or read again by a newer parser) is as stable as when it was handled;
        // anything else must settle first.
        if (handled.isEmpty() && !tracker.isStable(object, clock.instant())) {
            return Optional.empty();
        }
        ingesting.add(object.key());
        return Optional.of(new Handoff(object, state, retryRejected, reread));
    }

    /**
     * Gives the claimed files to the workers, outside the monitor. The ledger must know a note before Kafka may have
     * it ({@link NoteIngestor}): the files it holds as absent or deleted get their {@code PENDING} intents first, many
     * per transaction, instead of a transaction each on the worker.
     *
     * @return how many files went to the workers
     */
    private int handOver(List<Handoff> handoffs) {
        int handed = 0;
        List<Handoff> unknown = new ArrayList<>();
        for (Handoff handoff : handoffs) {
            if (handoff.state().filter(LedgerState::isPresent).isPresent()) {
                workers.execute(() -> ingest(handoff));
                handed++;
            } else {
                unknown.add(handoff);
            }
        }
        for (int from = 0; from < unknown.size(); from += INTENTS_PER_TRANSACTION) {
            List<Handoff> batch = unknown.subList(from, Math.min(unknown.size(), from + INTENTS_PER_TRANSACTION));
            Map<String, LedgerState> intents;
            try {
                intents = ledger.recordIntents(batch.stream().map(Handoff::object).toList(), clock.instant());
            } catch (RuntimeException e) {
                LOG.warnf("cannot record %d new files in the ledger now: %s; trying again shortly", batch.size(),
                        e.getMessage());
                synchronized (this) {
                    // Still settled in the tracker: the next check hands them over again.
                    batch.forEach(handoff -> ingesting.remove(handoff.object().key()));
                }
                continue;
            }
            for (Handoff handoff : batch) {
                Handoff intended = handoff.withState(intents.get(handoff.object().key()));
                workers.execute(() -> ingest(intended));
                handed++;
            }
        }
        return handed;
    }

    /** Reads and parses on the worker; the outcome may come later, once Kafka acknowledged the note. */
    private void ingest(Handoff handoff) {
        BucketObject object = handoff.object();
        CompletionStage<Outcome> outcome;
        try {
            outcome = handoff.reread() ? ingestor.reread(object, handoff.state().orElseThrow())
                    : ingestor.ingest(object, handoff.state(), handoff.retryRejected());
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.exceptionally(e -> {
            // The ledger or something unforeseen failed for this file; the others must still be handled.
            LOG.errorf(e, "cannot handle %s now; will try again", MemoNames.printable(object.key()));
            return Outcome.RETRY;
        }).thenAccept(result -> finished(object, result));
    }

    private void finished(BucketObject object, Outcome outcome) {
        synchronized (this) {
            if (outcome != Outcome.RETRY) {
                tracker.forget(object.key());
            }
            ingesting.remove(object.key());
        }
        if (outcome == Outcome.PUBLISHED || outcome == Outcome.REJECTED) {
            // Counted at the next pass, once for however many files were handled meanwhile.
            ledgerSizeChanged.set(true);
        }
    }

    /** Publishes the tombstone of a note claimed for it, then releases the claim. @return whether it was published */
    private boolean delete(String key) {
        try {
            return ingestor.delete(key) == Outcome.DELETED;
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record the deletion of %s now; will try again", MemoNames.printable(key));
            return false;
        } finally {
            synchronized (this) {
                ingesting.remove(key);
            }
        }
    }

    private synchronized int waiting() {
        Set<String> waiting = tracker.waiting();
        waiting.addAll(ingesting);
        return waiting.size();
    }

    /** Sets the ledger-size gauges from the database, which is the truth also after a restart. */
    public void refreshLedgerSize() {
        try {
            metrics.ledgerSize(ledger.countByStatus());
        } catch (RuntimeException e) {
            LOG.warnf("cannot count the ledger: %s", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    /** A file claimed for a worker, with what the ledger said of it (its intent, once recorded). */
    private record Handoff(BucketObject object, Optional<LedgerState> state, boolean retryRejected, boolean reread) {

        Handoff withState(LedgerState recorded) {
            return new Handoff(object, Optional.of(recorded), retryRejected, reread);
        }
    }
}
