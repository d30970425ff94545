package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A talk, or a segment such as a discussion: one {@code ##} heading under an event.
 *
 * @param id deterministic: editing one talk changes no other talk's id
 * @param title the heading without speaker and duration
 * @param speaker the speaker without honorific, or null
 * @param durationMinutes the announced duration, or null
 * @param kind keynote, case-study, lt, or null when the heading does not say
 * @param line 1-based source line of the heading
 * @param links links found in the talk's section
 * @param bullets the section's bullets, nesting kept
 * @param text the section as plain text, for search
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
        String text) {

    public Talk {
        links = links == null ? List.of() : List.copyOf(links);
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
        text = text == null ? "" : text;
    }
}
