package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "EventPage")
public record EventPage(List<EventView> items,
                        @Schema(description = "Pass as cursor for the next page; null on the last page") String nextCursor) {
}
