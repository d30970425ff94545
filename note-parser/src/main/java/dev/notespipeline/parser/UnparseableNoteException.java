package dev.notespipeline.parser;

/**
 * A memo the parser refuses because parsing it could not finish in bounded time and memory: a line or
 * paragraph too long, nesting too deep, too many headings. Ingest records {@link #reason()} as the
 * rejection reason; the memo's author can act on it.
 */
public class UnparseableNoteException extends RuntimeException {

    private final String reason;

    public UnparseableNoteException(String reason) {
        super(reason);
        this.reason = reason;
    }

    public UnparseableNoteException(String reason, Throwable cause) {
        super(reason, cause);
        this.reason = reason;
    }

    /** Why the memo was refused, in words for its author, such as "line 3 has 5000000 characters; at most 10000 are allowed". */
    public String reason() {
        return reason;
    }
}
