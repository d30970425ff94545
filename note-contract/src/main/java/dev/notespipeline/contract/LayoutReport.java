package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * How the parser read one memo's layout, so a user can see why a heading became a talk or did not.
 *
 * @param summary one sentence a user reads, such as "talks are ### headings under ## groups; the event is named by
 *     the front matter title"
 * @param talkUnit where the talks are: {@code h1} to {@code h6} (a heading level), {@code table}, {@code list},
 *     {@code prose}, {@code first-line}, or {@code none}
 * @param eventSource where each event's name comes from: {@code heading}, {@code front-matter}, {@code first-line},
 *     {@code file-name}, {@code folder-name}
 * @param override the front matter layout hint that was applied, as written, or null
 * @param decisions one per heading (and per table or list read as talks), in source order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record LayoutReport(String summary, String talkUnit, String eventSource, String override,
        List<LayoutDecision> decisions) {

    public LayoutReport {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /**
     * What the parser made of one heading or block.
     *
     * @param line 1-based source line
     * @param text the heading text as written
     * @param role event, group, talk, segment, overview, impressions, section (a part of a talk), or preamble
     * @param reason why, in a few words: "speaker on the next line", "break", "groups the ### talks"
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LayoutDecision(int line, String text, String role, String reason) {
    }
}
