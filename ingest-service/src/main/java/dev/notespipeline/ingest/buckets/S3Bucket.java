package dev.notespipeline.ingest.buckets;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3 bucket, or the part of it under a prefix. The ETag stands for the content, so an object rewritten with
 * the same bytes is no change; listings are paginated.
 */
public class S3Bucket implements Bucket, AutoCloseable {

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final int pageSize;

    /**
     * @param prefix empty, or a folder-like prefix ending in {@code /}
     */
    public S3Bucket(S3Client client, String bucket, String prefix, int pageSize) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.pageSize = pageSize;
    }

    @Override
    public String url() {
        return "s3://" + bucket + "/" + prefix;
    }

    @Override
    public void close() {
        client.close();
    }

    @Override
    public List<BucketObject> list() throws IOException {
        ListObjectsV2Request request = ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).maxKeys(pageSize).build();
        List<BucketObject> objects = new ArrayList<>();
        try {
            for (S3Object object : client.listObjectsV2Paginator(request).contents()) {
                String key = object.key().substring(prefix.length());
                if (MemoNames.isMemo(key)) {
                    objects.add(new BucketObject(key, object.size(), object.eTag()));
                }
            }
        } catch (SdkException e) {
            // The synchroniser's report names the bucket and the listing already.
            throw new IOException(e.getMessage(), e);
        }
        return objects;
    }

    @Override
    public Optional<BucketObject> stat(String key) throws IOException {
        try {
            HeadObjectResponse head = client.headObject(request -> request.bucket(bucket).key(prefix + key));
            return Optional.of(new BucketObject(key, head.contentLength(), head.eTag()));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw new IOException("cannot look at " + url() + key + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IOException("cannot look at " + url() + key + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] read(String key, long maxBytes) throws IOException {
        GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(prefix + key).build();
        try (InputStream in = client.getObject(request)) {
            return RejectedObjectException.readAtMost(in, maxBytes);
        } catch (SdkException e) {
            throw new IOException("cannot read " + url() + key + ": " + e.getMessage(), e);
        }
    }
}
