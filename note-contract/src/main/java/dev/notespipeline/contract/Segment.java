package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A part of an event that is not a talk: kept so nothing the writer noted is lost, never served as a talk.
 *
 * @param title the heading as written
 * @param role break, greeting, party, qa, booth, announcement, or other
 * @param line 1-based source line of the heading
 * @param bullets what the writer noted under it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Segment(String title, String role, int line, List<Bullet> bullets) {

    public Segment {
        bullets = bullets == null ? List.of() : List.copyOf(bullets);
    }
}
