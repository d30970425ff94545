package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.ext.tables.TableSeparator;
import com.vladsch.flexmark.util.ast.Node;
import dev.notespipeline.contract.Bullet;
import java.util.ArrayList;
import java.util.List;

/** A memo's blocks as the contract's bullets: lists keep their nesting, a table gives a bullet a row. */
final class Blocks {

    private Blocks() {
    }

    static List<Bullet> bullets(Node block) {
        if (block instanceof ListBlock list) {
            return bullets(list);
        }
        if (block instanceof TableBlock table) {
            return rows(table).stream().map(cells -> Bullet.leaf(String.join(" | ", cells))).toList();
        }
        return List.of(Bullet.leaf(NodeText.plainText(block)));
    }

    /** Every row of a table, the header's first (not the {@code |---|} line), as the plain text of its cells. */
    static List<List<String>> rows(TableBlock table) {
        List<List<String>> rows = new ArrayList<>();
        NodeText.walk(table, node -> {
            if (node instanceof TableSeparator) {
                return false;
            }
            if (node instanceof TableRow row) {
                List<String> cells = new ArrayList<>();
                for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
                    if (cell instanceof TableCell) {
                        cells.add(NodeText.plainText(cell));
                    }
                }
                rows.add(cells);
                return false;
            }
            return true;
        });
        return rows;
    }

    /** Recursion here is bounded: {@link InputLimitCheck} refused every memo nesting deeper than the limit. */
    private static List<Bullet> bullets(ListBlock list) {
        List<Bullet> bullets = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem listItem) {
                bullets.add(bullet(listItem));
            }
        }
        return bullets;
    }

    static Bullet bullet(ListItem item) {
        StringBuilder text = new StringBuilder();
        List<Bullet> children = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock nested) {
                children.addAll(bullets(nested));
            } else if (!Outline.isMarkupOnly(child)) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(NodeText.plainText(child));
            }
        }
        return new Bullet(text.toString(), children);
    }
}
