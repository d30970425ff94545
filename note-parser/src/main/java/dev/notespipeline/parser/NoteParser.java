package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;
import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a Markdown memo into events and talks, following the parsing rules of the design:
 * {@code #} starts an event, {@code ##} is the event's overview or one of its talks, a heading named
 * 雑感 / 感想 / impressions (any level) holds the writer's impressions.
 *
 * <p>Thread-safe: one instance serves every file.
 */
public class NoteParser {

    private static final Set<String> OVERVIEW_HEADINGS = Set.of("概要", "overview", "summary");
    private static final Set<String> IMPRESSION_HEADINGS = Set.of("雑感", "感想", "impressions");

    private final Parser parser = Parser.builder().build();
    private final TalkHeadingParser headingParser = new TalkHeadingParser();

    /**
     * @param noteId the bucket key of the file
     * @param markdown the file's text
     * @param version the version ingest gives this content
     * @param contentHash the hash of the file's bytes
     */
    public ParsedNote parse(String noteId, String markdown, long version, String contentHash, Instant detectedAt) {
        Document document = parser.parse(markdown);
        String noteTitle = fileTitle(noteId);
        NoteBuilder note = new NoteBuilder(noteId, noteTitle);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                onHeading(note, heading);
            } else if (node instanceof ListBlock list) {
                note.section().addBullets(bullets(list));
            } else if (node instanceof Paragraph paragraph) {
                note.section().addParagraph(plainText(paragraph));
            }
        }
        List<NoteEvent> events = note.events();
        return new ParsedNote(NoteJson.SCHEMA_VERSION, noteId, version, contentHash, noteTitle, null,
                List.of(), note.preamble(), events, detectedAt);
    }

    private void onHeading(NoteBuilder note, Heading heading) {
        String text = heading.getText().toString().strip();
        int line = heading.getStartLineNumber() + 1;
        String name = text.toLowerCase(Locale.ROOT);
        if (IMPRESSION_HEADINGS.contains(name)) {
            note.startImpressions();
        } else if (heading.getLevel() == 1) {
            note.startEvent(text, line);
        } else if (heading.getLevel() == 2 && OVERVIEW_HEADINGS.contains(name)) {
            note.startOverview();
        } else if (heading.getLevel() == 2) {
            note.startTalk(headingParser.parse(text), line);
        } else {
            note.section().addParagraph(text);
        }
    }

    private List<Bullet> bullets(ListBlock list) {
        List<Bullet> bullets = new ArrayList<>();
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem listItem) {
                bullets.add(bullet(listItem));
            }
        }
        return bullets;
    }

    private Bullet bullet(ListItem item) {
        StringBuilder text = new StringBuilder();
        List<Bullet> children = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock nested) {
                children.addAll(bullets(nested));
            } else {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(plainText(child));
            }
        }
        return new Bullet(text.toString(), children);
    }

    private static String plainText(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node).strip();
    }

    /** The file name without folders and extension: what a memo without a title is called. */
    static String fileTitle(String noteId) {
        String name = noteId.substring(noteId.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
