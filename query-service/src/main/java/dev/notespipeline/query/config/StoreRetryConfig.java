package dev.notespipeline.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the consumer waits for an unreachable database: it retries the same record, doubling the pause. */
@ConfigMapping(prefix = "query.store.retry")
public interface StoreRetryConfig {

    @WithDefault("PT0.5S")
    Duration initialBackoff();

    @WithDefault("PT30S")
    Duration maxBackoff();
}
