package dev.notespipeline.ingest.buckets;

/**
 * One memo as a listing sees it.
 *
 * @param key the path relative to the bucket root, {@code /}-separated
 * @param size bytes
 * @param stamp changes whenever the content may have changed: the modification time of a file, the ETag of an object
 */
public record BucketObject(String key, long size, String stamp) {

    /** Size and stamp in one string: what the ledger keeps to recognise an unchanged file without reading it. */
    public String fingerprint() {
        return size + ":" + stamp;
    }
}
