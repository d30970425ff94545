package dev.notespipeline.query.client;

/**
 * A preview API of another service did not answer usefully: unreachable, too slow, or with an error of its own.
 *
 * @param status what the page gets: the other service's own 4xx (the memo is at fault), else 502 or 504
 */
public class UpstreamException extends RuntimeException {

    private final int status;
    private final String retryAfter;

    public UpstreamException(int status, String detail, String retryAfter) {
        super(detail);
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public int status() {
        return status;
    }

    /** The other service's Retry-After when it was busy (503), else null. */
    public String retryAfter() {
        return retryAfter;
    }
}
