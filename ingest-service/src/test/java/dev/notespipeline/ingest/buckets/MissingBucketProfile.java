package dev.notespipeline.ingest.buckets;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * The service pointed at an S3 bucket that does not exist (yet), with reconciliations far apart: a bucket that
 * comes back must be seen by the outage's own retries, not by the next reconciliation.
 */
public class MissingBucketProfile implements QuarkusTestProfile {

    static final String MISSING = "not-created-yet";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("pipeline.bucket.reconcile-interval", "10m");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class, Map.of("watch", MISSING)));
    }
}
