package dev.notespipeline.ingest.buckets;

/** Told of changes as the store reports them; it must return quickly (it runs on the store's event thread). */
public interface BucketChangeListener {

    /** The memo under {@code key} was created, changed or deleted. */
    void changed(String key);

    /** Changes were lost or cannot be named one by one (an overflow, a deleted folder): list everything. */
    void listingNeeded();
}
