package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A part of an event that is not a talk. */
@Schema(name = "Segment", description = "A part of an event that is not a talk: kept, never listed as a talk")
public record SegmentView(
        @Schema(description = "The heading as written", example = "懇親会") String title,
        @Schema(description = "break, greeting, party, qa, booth, announcement or other", example = "party") String role,
        @Schema(description = "1-based source line of the heading", example = "80") int line,
        @Schema(description = "What the writer noted under it") List<BulletView> bullets) {
}
