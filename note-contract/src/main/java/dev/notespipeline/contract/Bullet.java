package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** A list item with its nested items. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Bullet(String text, List<Bullet> children) {

    public Bullet {
        children = children == null ? List.of() : List.copyOf(children);
    }

    public static Bullet leaf(String text) {
        return new Bullet(text, List.of());
    }
}
