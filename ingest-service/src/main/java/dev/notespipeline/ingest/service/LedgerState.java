package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.repository.NoteStatus;

/** What the ledger says of a note, read outside a transaction. */
record LedgerState(String key, NoteStatus status, String fingerprint, String contentHash, long version) {

    boolean isPresent() {
        return status != NoteStatus.DELETED;
    }
}
