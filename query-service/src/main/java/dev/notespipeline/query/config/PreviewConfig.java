package dev.notespipeline.query.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** {@code POST /api/preview}: where ingest's and enrich's preview APIs are, and how long to wait for them. */
@ConfigMapping(prefix = "query.preview")
public interface PreviewConfig {

    /** ingest-service's base URL; {@code POST /api/ingest/preview} is asked how it reads a memo. */
    @WithDefault("http://localhost:8081")
    URI ingestUrl();

    /** enrich-service's base URL; {@code POST /api/tag-preview} is asked for each talk's topics. */
    @WithDefault("http://localhost:8082")
    URI enrichUrl();

    /** How long one call to either may take, connecting included. */
    @WithDefault("PT10S")
    Duration timeout();

    /** Talks past this many are shown without topics: one tag preview per talk, and a preview stays quick. */
    @WithDefault("300")
    int maxTaggedTalks();
}
