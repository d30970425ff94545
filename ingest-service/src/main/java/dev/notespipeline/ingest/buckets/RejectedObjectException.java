package dev.notespipeline.ingest.buckets;

import java.io.IOException;
import java.io.InputStream;

/** An object that is refused for good (until it changes); {@link #reason()} is a short code used as a metric tag. */
public class RejectedObjectException extends RuntimeException {

    private final String reason;

    public RejectedObjectException(String reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public RejectedObjectException(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }

    public static RejectedObjectException tooLarge(long size, long maxBytes) {
        return new RejectedObjectException("too-large", "the file has " + size + " bytes, more than the limit of "
                + maxBytes + " (pipeline.bucket.max-file-size)");
    }

    /** Reads a stream that claims to fit the limit without trusting the claim. */
    public static byte[] readAtMost(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
        if (bytes.length > maxBytes) {
            throw tooLarge(bytes.length, maxBytes);
        }
        return bytes;
    }
}
