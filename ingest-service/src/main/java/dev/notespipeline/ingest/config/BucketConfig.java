package dev.notespipeline.ingest.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;

/** Where the memos are and how often to look. */
@ConfigMapping(prefix = "pipeline.bucket")
public interface BucketConfig {

    /** {@code file:<dir>} for a local folder (relative to the working directory). */
    @WithDefault("file:bucket")
    String url();

    /** How often the bucket is listed; a file is read once two listings in a row see it unchanged. */
    @WithDefault("1s")
    Duration scanInterval();

    /** The folder of a {@code file:} bucket. */
    default Path folder() {
        String url = url();
        if (!url.startsWith("file:")) {
            throw new IllegalArgumentException("pipeline.bucket.url must be file:<dir>, got " + url);
        }
        return Path.of(url.substring("file:".length())).toAbsolutePath().normalize();
    }
}
