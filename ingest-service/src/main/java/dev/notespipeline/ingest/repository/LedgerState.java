package dev.notespipeline.ingest.repository;

import dev.notespipeline.parser.NoteParser;

/**
 * What the ledger says of a note, read outside a transaction: only the columns a pass compares with the bucket, so
 * that looking up thousands of waiting files reads no layout report and keeps no entity ({@link LedgerRepository}).
 */
public record LedgerState(String key, NoteStatus status, String fingerprint, String contentHash, long version,
        Integer parserVersion, String resultHash) {

    public boolean isPresent() {
        return status != NoteStatus.DELETED;
    }

    /** Whether the parser in use is newer than the one that read the file: it must be read again. */
    public boolean readByAnOlderParser() {
        return isPresent() && parserVersion != null && parserVersion < NoteParser.VERSION;
    }

    /** Whether these bytes parsed to this result is what was published. */
    public boolean published(String contentHash, String resultHash) {
        return status == NoteStatus.OK && contentHash.equals(this.contentHash) && resultHash.equals(this.resultHash);
    }
}
