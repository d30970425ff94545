package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.bucket.Bucket;
import dev.notespipeline.ingest.bucket.BucketChangeListener;
import dev.notespipeline.ingest.bucket.BucketObject;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.ingest.service.NoteIngestor.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Keeps the ledger (and so {@code notes.parsed}) in step with the bucket. A full {@link #reconcile reconciliation}
 * compares a listing with the ledger: it alone would find every change, also those made while the service was
 * down. {@link #checkChanged} looks only at files named by events or still settling, which makes changes fast.
 *
 * <p>The only state kept in memory is which files are still settling; everything else is in the ledger, so a
 * restarted service resumes where it stopped.
 */
@ApplicationScoped
public class NoteSynchronizer implements BucketChangeListener {

    private static final Logger LOG = Logger.getLogger(NoteSynchronizer.class);

    private final Bucket bucket;
    private final NoteIngestor ingestor;
    private final NoteLedger ledger;
    private final IngestMetrics metrics;
    private final StabilityTracker tracker;
    private final Clock clock = Clock.systemUTC();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean listingNeeded = new AtomicBoolean();

    public NoteSynchronizer(Bucket bucket, NoteIngestor ingestor, NoteLedger ledger, IngestMetrics metrics,
            BucketConfig config) {
        this.bucket = bucket;
        this.ingestor = ingestor;
        this.ledger = ledger;
        this.metrics = metrics;
        this.tracker = new StabilityTracker(config.minAge());
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
     * Lists the whole bucket and handles every file whose size or stamp differs from the ledger's, and every note
     * of the ledger whose file is gone.
     *
     * @param retryRejected read rejected files again even if unchanged (after a limit was raised)
     */
    public synchronized ScanSummary reconcile(boolean retryRejected) {
        listingNeeded.set(false);
        List<BucketObject> listing;
        Map<String, LedgerState> known;
        try {
            listing = bucket.list();
            known = ledger.present();
        } catch (IOException | RuntimeException e) {
            // A failed listing must not look as if every file had been deleted.
            LOG.warnf("cannot list %s: %s; trying again at the next reconciliation", bucket.url(), e.getMessage());
            return new ScanSummary(0, 0, 0, 0, 0, tracker.waiting().size());
        }
        Counts counts = new Counts();
        Set<String> listed = new HashSet<>();
        for (BucketObject object : listing) {
            listed.add(object.key());
            counts.add(consider(object, Optional.ofNullable(known.get(object.key())), retryRejected));
        }
        for (String key : known.keySet()) {
            if (!listed.contains(key)) {
                counts.add(delete(key));
            }
        }
        tracker.retainOnly(listed);
        return finish(counts, listing.size());
    }

    /** Looks again at files named by events, and at files that were still settling. */
    public synchronized ScanSummary checkChanged() {
        if (listingNeeded.get()) {
            return reconcile(false);
        }
        Set<String> keys = new HashSet<>(tracker.waiting());
        for (String key : Set.copyOf(changed)) {
            changed.remove(key);
            keys.add(key);
        }
        Counts counts = new Counts();
        for (String key : keys) {
            try {
                Optional<LedgerState> state = ledger.find(key);
                Optional<BucketObject> object = bucket.stat(key);
                if (object.isPresent()) {
                    counts.add(consider(object.get(), state, false));
                } else {
                    tracker.forget(key);
                    if (state.filter(LedgerState::isPresent).isPresent()) {
                        counts.add(delete(key));
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warnf("cannot check %s now: %s; the next reconciliation will", key, e.getMessage());
            }
        }
        return finish(counts, keys.size());
    }

    private Outcome consider(BucketObject object, Optional<LedgerState> state, boolean retryRejected) {
        Optional<LedgerState> handled = state.filter(LedgerState::isPresent)
                .filter(s -> object.fingerprint().equals(s.fingerprint()));
        if (handled.isPresent() && !(retryRejected && handled.get().status() == NoteStatus.REJECTED)) {
            tracker.forget(object.key());
            return null;
        }
        // A rejected file retried as it was is as stable as when it was rejected; anything else must settle first.
        if (handled.isEmpty() && !tracker.isStable(object, clock.instant())) {
            return null;
        }
        Outcome outcome;
        try {
            outcome = ingestor.ingest(object, state, retryRejected);
        } catch (RuntimeException e) {
            // The ledger or something unforeseen failed for this file; the others must still be handled.
            LOG.errorf(e, "cannot handle %s now; will try again", object.key());
            outcome = Outcome.RETRY;
        }
        if (outcome != Outcome.RETRY) {
            tracker.forget(object.key());
        }
        return outcome;
    }

    private Outcome delete(String key) {
        try {
            return ingestor.delete(key);
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot record the deletion of %s now; will try again", key);
            return Outcome.RETRY;
        }
    }

    private ScanSummary finish(Counts counts, int seen) {
        if (counts.changedLedger()) {
            refreshLedgerSize();
        }
        return new ScanSummary(seen, counts.published, counts.deleted, counts.rejected, counts.unchanged,
                tracker.waiting().size());
    }

    /** Sets the ledger-size gauges from the database, which is the truth also after a restart. */
    public void refreshLedgerSize() {
        try {
            metrics.ledgerSize(ledger.countByStatus());
        } catch (RuntimeException e) {
            LOG.warnf("cannot count the ledger: %s", e.getMessage());
        }
    }

    private static final class Counts {
        int published;
        int deleted;
        int rejected;
        int unchanged;

        void add(Outcome outcome) {
            if (outcome == null) {
                return;
            }
            switch (outcome) {
                case PUBLISHED -> published++;
                case DELETED -> deleted++;
                case REJECTED -> rejected++;
                case UNCHANGED -> unchanged++;
                case RETRY -> {
                    // Counted nowhere: the file is still waiting.
                }
            }
        }

        boolean changedLedger() {
            return published + deleted + rejected > 0;
        }
    }
}
