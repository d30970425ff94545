package dev.notespipeline.query.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A talk as {@code GET /api/talks} lists it. */
@Schema(name = "Talk", description = "A talk (or a segment such as a discussion) of an event")
public record TalkView(
        @Schema(description = "Stable id", example = "3f2a9c41d0e8b7a65c12") String id,
        @Schema(example = "Azure Orbital触ってみた") String title,
        @Schema(description = "Without honorific; null when the memo names none", example = "HiroHata") String speaker,
        EventRef event,
        @Schema(description = "Topics, best score first") List<TopicView> topics,
        List<LinkView> links) {

    @Schema(name = "EventRef")
    public record EventRef(String id, @Schema(example = "第42回 Tokyo Jazug Night") String title,
                           @Schema(description = "null when the memo gives none", example = "2022-12-08") LocalDate date) {
    }

    @Schema(name = "TopicScore")
    public record TopicView(@Schema(example = "azure") String slug, @Schema(example = "Azure") String label,
                            @Schema(description = "0 to 1", example = "0.8") double score) {
    }

    @Schema(name = "Link")
    public record LinkView(@Schema(description = "youtube, connpass, speakerdeck, slideshare, github or other",
            example = "youtube") String kind, @Schema(example = "https://www.youtube.com/watch?v=xFKojjzPKik") String url) {
    }
}
