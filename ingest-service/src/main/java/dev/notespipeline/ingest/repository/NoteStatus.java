package dev.notespipeline.ingest.repository;

/** What became of a note's latest content. */
public enum NoteStatus {
    /**
     * About to be published for the first time (or again after a deletion); Kafka may have it. It counts as present,
     * so its file's deletion is tombstoned, and it is read and published again until it is {@link #OK}.
     */
    PENDING,
    /** Parsed and published. */
    OK,
    /** Refused, with a reason; its previous published version, if any, stays downstream. */
    REJECTED,
    /** The file is gone and a tombstone was published. */
    DELETED
}
