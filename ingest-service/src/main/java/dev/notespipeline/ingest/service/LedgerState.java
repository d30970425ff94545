package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.parser.NoteParser;

/** What the ledger says of a note, read outside a transaction. */
record LedgerState(String key, NoteStatus status, String fingerprint, String contentHash, long version,
        Integer parserVersion, String resultHash) {

    boolean isPresent() {
        return status != NoteStatus.DELETED;
    }

    /** Whether the parser in use is newer than the one that read the file: it must be read again. */
    boolean readByAnOlderParser() {
        return isPresent() && parserVersion != null && parserVersion < NoteParser.VERSION;
    }

    /** Whether these bytes parsed to this result is what was published. */
    boolean published(String contentHash, String resultHash) {
        return status == NoteStatus.OK && contentHash.equals(this.contentHash) && resultHash.equals(this.resultHash);
    }
}
