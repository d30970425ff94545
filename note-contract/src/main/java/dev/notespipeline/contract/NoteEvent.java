package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * An event of a note: a meetup, a conference day, a session, as the memo's layout shows it.
 *
 * @param id deterministic: the same note and heading always give the same id
 * @param title the heading text
 * @param date the event's date when the memo gives one (else the note's)
 * @param line 1-based source line of the heading
 * @param links links of the overview section (YouTube, connpass, slides…)
 * @param overview the overview section's bullets
 * @param talks the talks, in source order
 * @param impressions the writer's impressions of the event
 * @param segments what happened at the event that is not a talk (breaks, greetings, parties, Q&amp;A, booths,
 *     announcements), in source order
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NoteEvent(
        String id,
        String title,
        LocalDate date,
        int line,
        List<Link> links,
        List<Bullet> overview,
        List<Talk> talks,
        List<Bullet> impressions,
        List<Segment> segments) {

    public NoteEvent {
        links = links == null ? List.of() : List.copyOf(links);
        overview = overview == null ? List.of() : List.copyOf(overview);
        talks = talks == null ? List.of() : List.copyOf(talks);
        impressions = impressions == null ? List.of() : List.copyOf(impressions);
        segments = segments == null ? List.of() : List.copyOf(segments);
    }
}
