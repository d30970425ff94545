package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One Markdown memo as ingest-service understood it; the value of {@code notes.parsed}, keyed by {@link #noteId()}.
 *
 * @param schemaVersion the contract version this record was written with
 * @param noteId the bucket key: the path relative to the bucket root, {@code /}-separated
 * @param version grows with every change of the file; downstream never lets a lower version replace a higher one
 * @param contentHash SHA-256 of the file's bytes, hex
 * @param title the front matter's title, or the file name without its extension
 * @param date the front matter's date, if any
 * @param tags the front matter's tags
 * @param preamble plain text before the first event heading
 * @param events the events, in source order
 * @param detectedAt when ingest first saw this version of the file
 * @param parserVersion the version of the parser that read the file; a newer parser reads stored files again
 * @param layout how the parser read the memo's layout, and why
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ParsedNote(
        int schemaVersion,
        String noteId,
        long version,
        String contentHash,
        String title,
        LocalDate date,
        List<String> tags,
        String preamble,
        List<NoteEvent> events,
        Instant detectedAt,
        int parserVersion,
        LayoutReport layout) {

    public ParsedNote {
        tags = tags == null ? List.of() : List.copyOf(tags);
        events = events == null ? List.of() : List.copyOf(events);
    }

    public long talkCount() {
        return events.stream().mapToLong(event -> event.talks().size()).sum();
    }
}
