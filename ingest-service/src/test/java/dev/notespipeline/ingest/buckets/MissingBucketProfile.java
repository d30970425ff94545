package dev.notespipeline.ingest.buckets;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/** The service pointed at an S3 bucket that does not exist (yet). */
public class MissingBucketProfile implements QuarkusTestProfile {

    static final String MISSING = "not-created-yet";

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class, Map.of("watch", MISSING)));
    }
}
