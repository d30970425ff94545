package dev.notespipeline.query.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An event with its overview, talks, segments, the writer's impressions, and how the memo was read. */
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
        @Schema(description = "What happened at the event that is not a talk (breaks, greetings, parties, Q&A, booths, "
                + "announcements), in source order; empty for notes published before the parser kept them")
        List<SegmentView> segments,
        List<BulletView> impressions,
        SourceView source) {
}
