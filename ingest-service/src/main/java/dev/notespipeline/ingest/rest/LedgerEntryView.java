package dev.notespipeline.ingest.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.ingest.repository.LedgerEntry;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A ledger entry as the API shows it. */
@Schema(name = "LedgerEntry", description = "What ingest last did with one file")
public record LedgerEntryView(
        @Schema(description = "The bucket key", example = "2022/fy2022-events.md") String key,
        @Schema(description = "ok, rejected or deleted") String status,
        long version,
        @Schema(description = "SHA-256 of the bytes last read") String contentHash,
        @Schema(description = "Why it was rejected, as a short code; null otherwise", example = "unparseable")
        String reason,
        @Schema(description = "The rejection in words") String detail,
        int events,
        int talks,
        Instant firstSeen,
        Instant lastChanged,
        @Schema(description = "The parser version that read the file last; null when the parser never read it "
                + "(rejected before: too large, not UTF-8…)", example = "2") Integer parserVersion,
        @Schema(description = "SHA-256 of the parse result without what changes with every publish: a newer "
                + "parser republishes the file only when this changes") String resultHash,
        @Schema(description = "How the parser read the memo's layout; null unless published") LayoutView layout) {

    /** The entry with the layout's decisions, for one note. */
    static LedgerEntryView of(LedgerEntry entry) {
        return view(entry, true);
    }

    /** The entry with the layout's summary only, for a page of notes (a memo has up to 10,000 decisions). */
    static LedgerEntryView summaryOf(LedgerEntry entry) {
        return view(entry, false);
    }

    private static LedgerEntryView view(LedgerEntry entry, boolean withDecisions) {
        LayoutReport layout = entry.layout;
        return new LedgerEntryView(entry.key, entry.status.name().toLowerCase(Locale.ROOT), entry.version,
                entry.contentHash, entry.reason, entry.detail, entry.eventCount, entry.talkCount, entry.firstSeen,
                entry.lastChanged, entry.parserVersion, entry.resultHash, layout == null ? null
                        : new LayoutView(layout.summary(), layout.talkUnit(), layout.eventSource(), layout.override(),
                                withDecisions ? layout.decisions() : null));
    }

    @Schema(name = "LedgerLayout", description = "How the parser read the memo's layout, and why")
    public record LayoutView(
            @Schema(example = "talks are ### headings under ## groups; the event is named by the front matter title")
            String summary,
            @Schema(description = "h1 to h6, table, list, prose, first-line or none", example = "h3") String talkUnit,
            @Schema(description = "heading, front-matter, first-line, file-name or folder-name") String eventSource,
            @Schema(description = "The front matter layout hint that was applied, or null") String override,
            @Schema(description = "One decision per heading (and per table or list read as talks), in source order; "
                    + "only in GET /api/ingest/notes/{key}")
            @JsonInclude(JsonInclude.Include.NON_NULL) List<LayoutReport.LayoutDecision> decisions) {
    }
}
