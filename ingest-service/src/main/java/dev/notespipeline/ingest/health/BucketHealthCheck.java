package dev.notespipeline.ingest.health;

import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.service.NoteSynchronizer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the bucket can be followed: an unreachable bucket (a folder moved away, S3 credentials or
 * endpoint wrong) means nothing new is ingested, and a listing that lacks most notes at once (an empty mount point)
 * is held by the deletion guard until an admin confirms it. Judged on the last periodic listing, so a probe costs no I/O.
 */
@Readiness
@ApplicationScoped
public class BucketHealthCheck implements HealthCheck {

    @Inject
    Bucket bucket;

    @Inject
    NoteSynchronizer synchronizer;

    @Override
    public HealthCheckResponse call() {
        return synchronizer.unavailable()
                .map(failure -> HealthCheckResponse.named("bucket").down().withData("bucket", bucket.url())
                        .withData("reason", failure).build())
                .orElseGet(() -> HealthCheckResponse.named("bucket").up().withData("bucket", bucket.url()).build());
    }
}
