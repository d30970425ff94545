package dev.notespipeline.ingest.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where the memos are, how often to look, and what a file may be before it is refused. */
@ConfigMapping(prefix = "pipeline.bucket")
public interface BucketConfig {

    /** {@code file:<dir>} for a local folder (relative to the working directory) or {@code s3://bucket[/prefix]}. */
    @WithDefault("file:bucket")
    String url();

    /** How often the whole bucket is listed and compared with the ledger: the safety net for lost events. */
    @WithDefault("30s")
    Duration reconcileInterval();

    /** How often files that changed (by a filesystem event or a listing) are looked at again until they are stable. */
    @WithDefault("250ms")
    Duration checkInterval();

    /** How long a file must stay unchanged before it is read, so a half-copied file is never parsed. */
    @WithDefault("500ms")
    Duration minAge();

    /** Larger files are rejected without being read. */
    @WithDefault("5M")
    MemorySize maxFileSize();

    /** A memo whose parsing takes longer is rejected, so one pathological file cannot hold up the others. */
    @WithDefault("30s")
    Duration parseTimeout();

    /** Files ingested at the same time; a file that is slow to parse occupies one of them. */
    @WithDefault("2")
    int workers();

    S3 s3();

    DeletionGuard deletionGuard();

    /**
     * A listing that lacks many of the ledger's notes at once is more likely a bucket that is not what it was (an
     * empty mount point, a wrong prefix) than a person deleting them: such a pass deletes nothing until an admin
     * confirms it ({@code POST /api/ingest/rescan?confirm-deletions=true}).
     */
    interface DeletionGuard {

        /** The largest share of the ledger's present notes one pass may delete. */
        @WithDefault("0.5")
        double maxShare();

        /** Up to this many deletions in one pass are never held, whatever their share. */
        @WithDefault("10")
        int minNotes();
    }

    interface S3 {

        /** An S3-compatible endpoint (MinIO, S3Proxy, …); AWS's own when absent. */
        Optional<URI> endpoint();

        @WithDefault("us-east-1")
        String region();

        /** Path-style addressing ({@code endpoint/bucket/key}), which MinIO and most S3-compatible stores need. */
        @WithDefault("true")
        boolean pathStyle();

        /** Keys per listing request; S3's own maximum is 1000. */
        @WithDefault("1000")
        int pageSize();
    }
}
