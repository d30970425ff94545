package dev.notespipeline.query.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a talk or an event is written, and how the parser read the memo there. */
@Schema(name = "Source", description = "Where the talk or event is written and how the memo was read")
public record SourceView(
        @Schema(example = "fy2022-events.md") String noteId,
        @Schema(description = "1-based line of the heading", example = "57") int line,
        @Schema(description = "The version of the parser that read the memo; null for notes published before "
                + "ingest recorded it", example = "2") Integer parserVersion,
        @Schema(description = "How the parser read the memo's layout, with the decisions about this talk's heading "
                + "(or this event's headings); null for notes published before the parser reported it")
        LayoutView layout) {
}
