package dev.notespipeline.query.service;

import dev.notespipeline.query.config.StoreRetryConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Repeats a database write while the database is unreachable, or when it lost a race with another replica's, with a
 * growing pause; other failures pass through.
 */
@ApplicationScoped
public class StoreRetry {

    private static final Logger LOG = Logger.getLogger(StoreRetry.class);

    @Inject
    StoreRetryConfig config;

    /**
     * @throws DatabaseUnavailableException when the thread is interrupted (shutdown) while waiting
     */
    public <T> T untilStored(Supplier<T> write) {
        Duration pause = config.initialBackoff();
        while (true) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!DatabaseOutage.causedBy(e) && !DatabaseOutage.isConflict(e)) {
                    throw e;
                }
                LOG.warnf("database unreachable or busy, retrying in %s: %s", pause, e.getMessage());
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new DatabaseUnavailableException("stopped waiting for the database", e);
                }
                pause = pause.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : pause.multipliedBy(2);
            }
        }
    }
}
