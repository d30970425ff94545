package dev.notespipeline.ingest.service;

/**
 * What one pass over the bucket found.
 *
 * @param seen files looked at
 * @param queued files handed to the ingest workers, changed or read by an older parser (their outcomes go to the
 *     ledger)
 * @param deleted notes whose file is gone, tombstoned
 * @param waiting changed files still settling, or still being ingested
 */
public record ScanSummary(int seen, int queued, int deleted, int waiting) {
}
