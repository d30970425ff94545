package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A talk of an event: a heading (at whatever level the memo keeps its talks), or a row of a table or an item of a
 * list of sessions where the memo has no talk headings.
 *
 * @param id deterministic: editing one talk changes no other talk's id
 * @param title the heading without speaker, duration, time slot, numbering, session code and level; null when the
 *     heading names only its speaker
 * @param speaker the speaker without honorific, or null; several speakers are joined by {@code " / "}
 * @param durationMinutes the announced duration, or null
 * @param kind keynote, case-study, lt, workshop, panel, or null when the memo does not say
 * @param line 1-based source line of the heading
 * @param links links found in the talk's section
 * @param bullets the section's bullets, nesting kept
 * @param text the section as plain text, for search
 * @param affiliation the speaker's company or community, or null; one per speaker joined by {@code " / "}
 * @param track the grouping headings above the talk ({@code Day 1 / Track A}), or null
 * @param code the session code the memo gives ({@code CON310}), or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Talk(
        String id,
        String title,
        String speaker,
        Integer durationMinutes,
        String kind,
        int line,
        List<Link> links,
        List<Bullet> bullets,
        String text,
        String affiliation,
        String track,
        String code) {

    public Talk {
        links = links == null ? List.of() : List.copyOf(links);
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
        text = text == null ? "" : text;
    }
}
