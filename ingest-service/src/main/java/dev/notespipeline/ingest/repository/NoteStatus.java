package dev.notespipeline.ingest.repository;

/** What became of a note's latest content. */
public enum NoteStatus {
    /** Parsed and published. */
    OK,
    /** Refused, with a reason; its previous published version, if any, stays downstream. */
    REJECTED,
    /** The file is gone and a tombstone was published. */
    DELETED
}
