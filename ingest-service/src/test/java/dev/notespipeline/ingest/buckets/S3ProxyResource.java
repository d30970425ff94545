package dev.notespipeline.ingest.buckets;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * A real S3-protocol server (S3Proxy, in memory) with bucket {@value #BUCKET}, and the service pointed at the
 * prefix {@value #PREFIX} of it. Credentials reach the service the way they reach it in production: through the
 * AWS SDK's default chain (here its system properties).
 */
public class S3ProxyResource implements QuarkusTestResourceLifecycleManager {

    public static final String BUCKET = "notes";
    public static final String PREFIX = "memos/";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private S3Proxy proxy;
    private String watchedBucket = BUCKET;

    /** Init argument {@code watch}: the bucket the service is pointed at, which need not exist. */
    @Override
    public void init(Map<String, String> initArgs) {
        watchedBucket = initArgs.getOrDefault("watch", BUCKET);
    }

    @Override
    public Map<String, String> start() {
        TransientNio2BlobStore store = new TransientNio2BlobStore();
        store.createContainer(BUCKET);
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
            while (!"STARTED".equals(proxy.getState())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(50);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start S3Proxy", e);
        }
        System.setProperty("aws.accessKeyId", ACCESS_KEY);
        System.setProperty("aws.secretAccessKey", SECRET_KEY);
        return Map.of(
                "pipeline.bucket.url", "s3://" + watchedBucket + "/" + PREFIX.substring(0, PREFIX.length() - 1),
                "pipeline.bucket.s3.endpoint", "http://127.0.0.1:" + proxy.getPort(),
                // Small pages, so that a handful of memos already needs several listing requests.
                "pipeline.bucket.s3.page-size", "2");
    }

    @Override
    public void stop() {
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                throw new IllegalStateException("cannot stop S3Proxy", e);
            }
        }
    }
}
