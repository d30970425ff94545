package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * A heading of the memo with what lies under it: the blocks up to the next heading, and the deeper headings that
 * follow it. The memo itself is the root section, level 0, its body the text before the first heading.
 */
final class Section {

    final int level;
    final String text;
    final int line;
    final Heading heading;
    final Section parent;
    final List<Node> body = new ArrayList<>();
    final List<Section> children = new ArrayList<>();

    private Section(int level, String text, int line, Heading heading, Section parent) {
        this.level = level;
        this.text = text;
        this.line = line;
        this.heading = heading;
        this.parent = parent;
    }

    static Section root() {
        return new Section(0, "", 0, null, null);
    }

    Section addChild(int level, String text, int line, Heading heading) {
        Section child = new Section(level, text, line, heading, this);
        children.add(child);
        return child;
    }

    boolean isRoot() {
        return parent == null;
    }

    /** This section's headings below it, depth first, in source order. */
    List<Section> descendants() {
        List<Section> all = new ArrayList<>();
        List<Section> pending = new ArrayList<>(children);
        while (!pending.isEmpty()) {
            Section next = pending.remove(0);
            all.add(next);
            pending.addAll(0, next.children);
        }
        return all;
    }

    @Override
    public String toString() {
        return "#".repeat(level) + " " + text + " (line " + line + ")";
    }
}
