package dev.notespipeline.query.rest;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A talk as {@code GET /api/talks} lists it. */
@Schema(name = "Talk", description = "A talk of an event")
public record TalkView(
        @Schema(description = "Stable id", example = "3f2a9c41d0e8b7a65c12") String id,
        @Schema(description = "The title without speaker, duration, time slot, numbering, session code and level; "
                + "null when the memo's heading names only its speaker (show the speaker instead)",
                example = "Azure Orbital触ってみた") String title,
        @Schema(description = "Without honorific; several speakers joined by \" / \"; null when the memo names none",
                example = "HiroHata") String speaker,
        @Schema(description = "The speaker's company or community, one per speaker joined by \" / \"; null when the "
                + "memo names none. Never counts for topics", example = "Acme") String affiliation,
        @Schema(description = "keynote, case-study, lt, workshop, panel, or null when the memo does not say",
                example = "lt") String kind,
        @Schema(description = "The session code the memo gives, or null", example = "CON310") String code,
        @Schema(description = "The group headings above the talk, joined by \" / \", or null",
                example = "Day 1 / Track A") String track,
        EventRef event,
        @Schema(description = "Topics, best score first") List<TopicView> topics,
        List<LinkView> links,
        @Schema(description = "Where the words of q stand in the title; empty without q") List<Span> titleMatches,
        @Schema(description = "A line of the talk's text: around the first word of q when it is there, else its beginning")
        Snippet snippet) {

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

    @Schema(name = "TextSpan", description = "Characters [start, end) of a text, counted in UTF-16 code units as JavaScript counts them")
    public record Span(int start, int end) {
    }

    @Schema(name = "Snippet")
    public record Snippet(@Schema(description = "On one line; … marks text left out") String text,
                          @Schema(description = "Where the words of q stand in text") List<Span> matches) {
    }
}
