package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A talk with everything the memo says about it, why it carries each topic, and how the memo was read. */
@Schema(name = "TalkDetail")
public record TalkDetailView(
        String id,
        @Schema(description = "null when the memo's heading names only its speaker (show the speaker instead)")
        String title,
        @Schema(description = "Without honorific; several speakers joined by \" / \"") String speaker,
        @Schema(description = "The speaker's company or community, or null; never counts for topics") String affiliation,
        @Schema(description = "keynote, case-study, lt, workshop, panel, or null") String kind,
        @Schema(description = "The session code, or null", example = "CON310") String code,
        @Schema(description = "The group headings above the talk, or null", example = "Day 1 / Track A") String track,
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
}
