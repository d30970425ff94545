package dev.notespipeline.ingest.service;

/** What one pass over the bucket did. */
public record ScanSummary(int seen, int published, int deleted, int rejected, int unchanged, int waiting) {
}
