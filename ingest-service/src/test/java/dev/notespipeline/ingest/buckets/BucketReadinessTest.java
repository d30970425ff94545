package dev.notespipeline.ingest.buckets;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Readiness tells an operator that the bucket cannot be listed, and why, until it can: within seconds of it. */
@QuarkusTest
@TestProfile(MissingBucketProfile.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class BucketReadinessTest {

    @ConfigProperty(name = "pipeline.bucket.s3.endpoint")
    URI endpoint;

    @Test
    void aBucketThatCannotBeListedMakesTheServiceNotReadyUntilItCanBe() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then()
                .statusCode(503)
                .body("checks.find { it.name == 'bucket' }.status", containsString("DOWN"))
                .body("checks.find { it.name == 'bucket' }.data.reason", containsString(MissingBucketProfile.MISSING)));

        try (S3Client s3 = S3Client.builder().endpointOverride(endpoint).forcePathStyle(true).region(Region.US_EAST_1)
                .httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(S3ProxyResource.ACCESS_KEY, S3ProxyResource.SECRET_KEY)))
                .build()) {
            s3.createBucket(request -> request.bucket(MissingBucketProfile.MISSING));
        }

        // Far sooner than the profile's next reconciliation, ten minutes away.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then()
                .statusCode(200)
                .body("checks.name", hasItem("bucket")));
    }
}
