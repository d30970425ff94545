package dev.notespipeline.query.rest;

import dev.notespipeline.query.repository.TopicCount;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A speaker with all their talks across events. */
@Schema(name = "SpeakerDetail")
public record SpeakerDetailView(
        @Schema(example = "HiroHata") String name,
        long talkCount,
        @Schema(description = "The topics of their talks, most talks first") List<TopicCount> topics,
        @Schema(description = "Their talks, newest event first (at most 500)") List<TalkView> talks) {
}
