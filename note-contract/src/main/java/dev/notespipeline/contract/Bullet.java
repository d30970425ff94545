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

    /** Bullets as plain text, one item a line, depth-first: what search and matching read. */
    public static String plainText(List<Bullet> bullets) {
        StringBuilder text = new StringBuilder();
        bullets.forEach(bullet -> bullet.appendTo(text));
        return text.toString().strip();
    }

    /** This item and its nested items as plain text, one a line. */
    public String plainText() {
        StringBuilder text = new StringBuilder();
        appendTo(text);
        return text.toString().strip();
    }

    private void appendTo(StringBuilder text) {
        text.append(this.text).append('\n');
        children.forEach(child -> child.appendTo(text));
    }
}
