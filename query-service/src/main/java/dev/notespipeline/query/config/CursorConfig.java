package dev.notespipeline.query.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** Page cursors are signed so that a client can neither forge nor alter one. */
@ConfigMapping(prefix = "query.cursor")
public interface CursorConfig {

    /**
     * The HMAC key. Unset, a random key is made at start-up: cursors then stop working when the service
     * restarts (a client gets 400 and starts from the first page) and differ between replicas. Set it to the
     * same secret on every replica to keep cursors valid across restarts and replicas.
     */
    Optional<String> secret();
}
