package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.config.BucketConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Starts the bucket's change events and runs the synchroniser's passes on their intervals.
 *
 * <p>Settling files are looked at again on a thread of their own rather than by the scheduler, whose intervals cannot
 * go below a second: a dropped memo is read as soon as it has been still for the minimum age.
 */
@ApplicationScoped
public class BucketSchedule {

    private static final Logger LOG = Logger.getLogger(BucketSchedule.class);

    private final Bucket bucket;
    private final NoteSynchronizer synchronizer;
    private final Duration checkInterval;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "bucket-checks");
        thread.setDaemon(true);
        return thread;
    });
    private AutoCloseable events;

    public BucketSchedule(Bucket bucket, NoteSynchronizer synchronizer, BucketConfig config) {
        this.bucket = bucket;
        this.synchronizer = synchronizer;
        this.checkInterval = config.checkInterval();
    }

    void start(@Observes StartupEvent startup) {
        synchronizer.refreshLedgerSize();
        try {
            events = bucket.watch(synchronizer);
        } catch (Exception e) {
            LOG.warnf("no change events from %s (%s); relying on listings", bucket.url(), e.getMessage());
        }
        checks.scheduleWithFixedDelay(this::checkChanged, checkInterval.toMillis(), checkInterval.toMillis(),
                TimeUnit.MILLISECONDS);
        LOG.infof("watching %s", bucket.url());
    }

    void stop(@Observes ShutdownEvent shutdown) throws Exception {
        checks.shutdownNow();
        if (events != null) {
            events.close();
        }
    }

    @Scheduled(every = "${pipeline.bucket.reconcile-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        synchronizer.reconcile(false, false);
    }

    private void checkChanged() {
        try {
            synchronizer.checkChanged();
        } catch (RuntimeException e) {
            // An exception would cancel every later check: report it and look again next time.
            LOG.warnf(e, "checking changed files failed; trying again in %s", checkInterval);
        }
    }
}
