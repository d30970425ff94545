package dev.notespipeline.query.rest;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The parser's layout report of a memo, narrowed to the decisions about one talk or one event. */
@Schema(name = "Layout", description = "How the parser read the memo's layout, and why")
public record LayoutView(
        @Schema(description = "One sentence on the whole memo",
                example = "talks are ### headings under ## groups; the event is named by the front matter title")
        String summary,
        @Schema(description = "Where the memo's talks are: h1 to h6 (a heading level), table, list, prose, "
                + "first-line, or none", example = "h3") String talkUnit,
        @Schema(description = "Where event names come from: heading, front-matter, first-line, file-name, folder-name",
                example = "heading") String eventSource,
        @Schema(description = "The front matter layout hint that was applied, as written, or null") String override,
        @Schema(description = "For a talk: the decision about its heading (or about the table or list it is a row "
                + "of); for an event: the decisions about every heading of the event, in source order")
        List<DecisionView> decisions) {

    @Schema(name = "LayoutDecision", description = "What the parser made of one heading or block")
    public record DecisionView(
            @Schema(description = "1-based source line", example = "12") int line,
            @Schema(description = "The heading as written", example = "10:00-10:40 CON310 EKS運用 - 山田さん") String text,
            @Schema(description = "event, group, talk, segment, overview, impressions, section or preamble",
                    example = "talk") String role,
            @Schema(description = "Why, in a few words", example = "speaker on the next line") String reason) {
    }
}
