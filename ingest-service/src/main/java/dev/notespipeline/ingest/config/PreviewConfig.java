package dev.notespipeline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code POST /api/ingest/preview}: its limits beside the bucket's (size, parse time). */
@ConfigMapping(prefix = "pipeline.ingest.preview")
public interface PreviewConfig {

    /**
     * Previews parsed at the same time; more are answered 503. Anyone may ask for a preview, and each can take a
     * parser thread for up to the parse timeout, so their number is bounded.
     */
    @WithDefault("2")
    int concurrency();
}
