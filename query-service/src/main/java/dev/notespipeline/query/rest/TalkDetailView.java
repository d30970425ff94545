package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A talk with everything the memo says about it and why it carries each topic. */
@Schema(name = "TalkDetail")
public record TalkDetailView(
        String id,
        String title,
        String speaker,
        TalkView.EventRef event,
        @Schema(description = "Topics, best score first, each with the matches that earned it") List<TopicEvidenceView> topics,
        List<TalkView.LinkView> links,
        @Schema(description = "The talk's section as plain text") String text,
        @Schema(description = "The talk's bullets, nesting kept") List<BulletView> bullets,
        @Schema(description = "The writer's impressions of the talk's event") List<BulletView> impressions,
        SourceView source) {

    @Schema(name = "TopicWithEvidence")
    public record TopicEvidenceView(String slug, String label, double score, List<EvidenceView> evidence) {
    }

    @Schema(name = "Evidence")
    public record EvidenceView(@Schema(example = "AKS") String term,
                               @Schema(description = "talk.title, talk.text, event.title, event.overview or event.impressions",
                                       example = "talk.text") String field,
                               @Schema(example = "2") int count) {
    }

    @Schema(name = "Source", description = "Where the talk is written")
    public record SourceView(@Schema(example = "fy2022-events.md") String noteId,
                             @Schema(description = "1-based line of the talk's heading", example = "57") int line) {
    }
}
