package dev.notespipeline.ingest.buckets;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A place memos are dropped into: a local folder or an S3 bucket. Keys are {@code /}-separated paths relative to
 * the bucket's root; only memos ({@link MemoNames#isMemo}) are listed.
 */
public interface Bucket {

    /** Every memo in the bucket; a failed listing throws rather than returning a partial one. */
    List<BucketObject> list() throws IOException;

    /**
     * Fails when the bucket itself is not there (a folder moved away, a volume not mounted): then a memo missing from
     * it says nothing about the memo.
     */
    default void checkAvailable() throws IOException {
    }

    /** The memo's current size and stamp, or empty when it is gone. */
    Optional<BucketObject> stat(String key) throws IOException;

    /**
     * The memo's bytes.
     *
     * @throws RejectedObjectException when the object must not be read (too large, a link out of the bucket)
     */
    byte[] read(String key, long maxBytes) throws IOException;

    /** The bucket's URL, for logs and errors. */
    String url();

    /**
     * Starts telling {@code listener} about changes as they happen, where the store can; listings alone find
     * every change too, only later.
     *
     * @return stops the notifications
     */
    default AutoCloseable watch(BucketChangeListener listener) throws IOException {
        return () -> {
        };
    }
}
