package dev.notespipeline.ingest.rest;

import java.util.List;

/** One page of the ledger, sorted by key. */
public record LedgerPage(List<LedgerEntryView> items, int page, int size, long total) {
}
