package dev.notespipeline.query.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event as {@code GET /api/events} lists it. */
@Schema(name = "Event")
public record EventView(
        String id,
        @Schema(example = "Observability Lounge 「『監視』の原則と変化」") String title,
        @Schema(description = "null when the memo gives none") LocalDate date,
        @Schema(description = "Links of the event's overview (video, connpass…)") List<TalkView.LinkView> links,
        long talkCount,
        @Schema(description = "Topics of the event and of its talks, best score first") List<TalkView.TopicView> topics) {
}
