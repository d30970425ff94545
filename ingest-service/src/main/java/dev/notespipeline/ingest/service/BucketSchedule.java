package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.bucket.Bucket;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Starts the bucket's change events and runs the synchroniser's passes on their intervals. */
@ApplicationScoped
public class BucketSchedule {

    private static final Logger LOG = Logger.getLogger(BucketSchedule.class);

    private final Bucket bucket;
    private final NoteSynchronizer synchronizer;
    private AutoCloseable events;

    public BucketSchedule(Bucket bucket, NoteSynchronizer synchronizer) {
        this.bucket = bucket;
        this.synchronizer = synchronizer;
    }

    void start(@Observes StartupEvent startup) {
        synchronizer.refreshLedgerSize();
        try {
            events = bucket.watch(synchronizer);
        } catch (Exception e) {
            LOG.warnf("no change events from %s (%s); relying on listings", bucket.url(), e.getMessage());
        }
        LOG.infof("watching %s", bucket.url());
    }

    void stop(@Observes ShutdownEvent shutdown) throws Exception {
        if (events != null) {
            events.close();
        }
    }

    @Scheduled(every = "${pipeline.bucket.reconcile-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        synchronizer.reconcile(false);
    }

    @Scheduled(every = "${pipeline.bucket.check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkChanged() {
        synchronizer.checkChanged();
    }
}
