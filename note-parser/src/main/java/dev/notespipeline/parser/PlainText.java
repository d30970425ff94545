package dev.notespipeline.parser;

import dev.notespipeline.contract.Bullet;
import java.util.List;

/** Bullets as plain text, one item a line, depth-first: what search and link detection read. */
final class PlainText {

    private PlainText() {
    }

    static String of(List<Bullet> bullets) {
        StringBuilder text = new StringBuilder();
        bullets.forEach(bullet -> append(text, bullet));
        return text.toString().strip();
    }

    static String of(Bullet bullet) {
        StringBuilder text = new StringBuilder();
        append(text, bullet);
        return text.toString().strip();
    }

    private static void append(StringBuilder text, Bullet bullet) {
        text.append(bullet.text()).append('\n');
        bullet.children().forEach(child -> append(text, child));
    }
}
