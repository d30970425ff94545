package dev.notespipeline.query.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event with its overview, talks and the writer's impressions. */
@Schema(name = "EventDetail")
public record EventDetailView(
        String id,
        String title,
        LocalDate date,
        List<TalkView.LinkView> links,
        long talkCount,
        List<TalkView.TopicView> topics,
        @Schema(description = "The overview section's bullets") List<BulletView> overview,
        @Schema(description = "The talks in source order") List<TalkView> talks,
        List<BulletView> impressions) {
}
