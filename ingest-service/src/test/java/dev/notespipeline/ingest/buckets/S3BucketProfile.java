package dev.notespipeline.ingest.buckets;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/** The service watching an S3 bucket instead of a folder. */
public class S3BucketProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(S3ProxyResource.class));
    }
}
