package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.buckets.BucketChangeListener;
import dev.notespipeline.ingest.config.BucketConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Starts the bucket's change events and runs the synchroniser's passes.
 *
 * <p>Changed and settling files are looked at on a thread of their own rather than by the scheduler, whose intervals
 * cannot go below a second, and at the moments that matter rather than on a fixed beat: at once when an event names a
 * file, and again exactly when the next settling file has been still for the minimum age. A dropped memo so waits the
 * settle time and no polling interval on top of it; {@code check-interval} only bounds the pause when nothing is due
 * (S3, which sends no events, relies on it).
 */
@ApplicationScoped
public class BucketSchedule implements BucketChangeListener {

    private static final Logger LOG = Logger.getLogger(BucketSchedule.class);

    private final Bucket bucket;
    private final NoteSynchronizer synchronizer;
    private final Duration checkInterval;
    private final Thread checks = new Thread(this::runChecks, "bucket-checks");
    private final Object signal = new Object();
    private boolean woken;
    private volatile boolean running = true;
    private AutoCloseable events;

    public BucketSchedule(Bucket bucket, NoteSynchronizer synchronizer, BucketConfig config) {
        this.bucket = bucket;
        this.synchronizer = synchronizer;
        this.checkInterval = config.checkInterval();
        this.checks.setDaemon(true);
    }

    void start(@Observes StartupEvent startup) {
        synchronizer.refreshLedgerSize();
        try {
            events = bucket.watch(this);
        } catch (Exception e) {
            LOG.warnf("no change events from %s (%s); relying on listings", bucket.url(), e.getMessage());
        }
        checks.start();
        LOG.infof("watching %s", bucket.url());
    }

    void stop(@Observes ShutdownEvent shutdown) throws Exception {
        running = false;
        checks.interrupt();
        if (events != null) {
            events.close();
        }
    }

    @Scheduled(every = "${pipeline.bucket.reconcile-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        synchronizer.reconcile(false, false);
    }

    @Override
    public void changed(String key) {
        synchronizer.changed(key);
        wake();
    }

    @Override
    public void listingNeeded() {
        synchronizer.listingNeeded();
        wake();
    }

    private void wake() {
        synchronized (signal) {
            woken = true;
            signal.notifyAll();
        }
    }

    private void runChecks() {
        while (running) {
            long started = System.nanoTime();
            checkChanged();
            long passMillis = (System.nanoTime() - started) / 1_000_000;
            long pause = synchronizer.nextSettled()
                    .map(due -> Math.min(checkInterval.toMillis(), Duration.between(Instant.now(), due).toMillis() + 1))
                    .orElse(checkInterval.toMillis());
            try {
                // A pass over thousands of settling files (a folder dropped in) takes a while, a stat each and the
                // ledger's rows: never more than half of the time in passes, the rest is the workers'.
                Thread.sleep(passMillis);
                synchronized (signal) {
                    if (!woken && pause > 0) {
                        signal.wait(pause);
                    }
                    woken = false;
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void checkChanged() {
        try {
            synchronizer.checkChanged();
        } catch (RuntimeException e) {
            // An exception would end every later check: report it and look again next time.
            LOG.warnf(e, "checking changed files failed; trying again in %s", checkInterval);
        }
    }
}
