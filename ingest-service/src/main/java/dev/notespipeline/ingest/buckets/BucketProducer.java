package dev.notespipeline.ingest.buckets;

import dev.notespipeline.ingest.config.BucketConfig;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/** The bucket named by {@code pipeline.bucket.url}: its scheme chooses the implementation. */
public class BucketProducer {

    @Produces
    @Singleton
    Bucket bucket(BucketConfig config) {
        String url = config.url();
        if (url.startsWith("file:")) {
            return new FolderBucket(Path.of(url.substring("file:".length())));
        }
        if (url.startsWith("s3://")) {
            String location = url.substring("s3://".length());
            int slash = location.indexOf('/');
            String bucket = slash < 0 ? location : location.substring(0, slash);
            String prefix = slash < 0 ? "" : location.substring(slash + 1);
            if (bucket.isEmpty()) {
                throw new IllegalArgumentException("pipeline.bucket.url has no bucket name: " + url);
            }
            if (!prefix.isEmpty() && !prefix.endsWith("/")) {
                prefix = prefix + "/";
            }
            return new S3Bucket(s3Client(config.s3()), bucket, prefix, config.s3().pageSize());
        }
        throw new IllegalArgumentException("pipeline.bucket.url must be file:<dir> or s3://<bucket>[/<prefix>], got " + url);
    }

    void close(@Disposes Bucket bucket) {
        if (bucket instanceof S3Bucket s3) {
            s3.close();
        }
    }

    private static S3Client s3Client(BucketConfig.S3 config) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(Region.of(config.region()))
                .forcePathStyle(config.pathStyle());
        config.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
