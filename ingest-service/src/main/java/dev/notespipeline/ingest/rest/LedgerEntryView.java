package dev.notespipeline.ingest.rest;

import dev.notespipeline.ingest.repository.LedgerEntry;
import java.time.Instant;
import java.util.Locale;

/** A ledger entry as the API shows it. */
public record LedgerEntryView(String key, String status, long version, String contentHash, String reason,
        String detail, int events, int talks, Instant firstSeen, Instant lastChanged) {

    static LedgerEntryView of(LedgerEntry entry) {
        return new LedgerEntryView(entry.key, entry.status.name().toLowerCase(Locale.ROOT), entry.version,
                entry.contentHash, entry.reason, entry.detail, entry.eventCount, entry.talkCount, entry.firstSeen,
                entry.lastChanged);
    }
}
