package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlockBase;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.BlankLine;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a Markdown memo into events and talks, following the parsing rules of the design:
 * optional YAML front matter ({@code title}, {@code date}, {@code tags}); {@code #} starts an event;
 * {@code ##} is the event's overview or one of its talks; a heading named 雑感 / 感想 / impressions (any
 * level) holds the writer's impressions.
 *
 * <p>Memos that could not be parsed in bounded time and memory are refused with an
 * {@link UnparseableNoteException} that says why (see {@link ParserLimits}).
 *
 * <p>Thread-safe: one instance serves every file.
 */
public class NoteParser {

    /**
     * Grows whenever a change to the parser can read a memo differently: ingest reads every file that an older
     * version read again, and republishes those whose result changed.
     */
    public static final int VERSION = 1;

    private static final Set<String> OVERVIEW_HEADINGS = Set.of("概要", "overview", "summary");
    private static final Set<String> IMPRESSION_HEADINGS = Set.of("雑感", "感想", "impressions");
    private static final Pattern HEADING_DATE = Pattern.compile(
            "(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})(?!\\d)");

    private final Parser parser = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create()))).build();
    private final TalkHeadingParser headingParser = new TalkHeadingParser();
    private final InputLimitCheck limitCheck;

    public NoteParser() {
        this(ParserLimits.DEFAULTS);
    }

    public NoteParser(ParserLimits limits) {
        this.limitCheck = new InputLimitCheck(limits);
    }

    /**
     * @param noteId the bucket key of the file
     * @param markdown the file's text; a byte order mark and CRLF or CR line ends are fine
     * @param version the version ingest gives this content
     * @param contentHash the hash of the file's bytes
     * @throws UnparseableNoteException when the memo exceeds the parser's limits
     */
    public ParsedNote parse(String noteId, String markdown, long version, String contentHash, Instant detectedAt) {
        String text = normalized(markdown);
        limitCheck.check(text);
        try {
            return build(noteId, parser.parse(text), new LineIndex(text), version, contentHash, detectedAt);
        } catch (StackOverflowError e) {
            // Inline nesting (emphasis in emphasis, long runs of * or -) is not bounded by the input check:
            // flexmark's regular expressions and tree code recurse on it. The overflowed frames are gone once
            // we get here, and the parser keeps no state between documents, so refusing this one memo is safe.
            throw new UnparseableNoteException("the Markdown is nested or repeated too deeply to parse", e);
        }
    }

    private ParsedNote build(String noteId, Document document, LineIndex lines, long version, String contentHash,
            Instant detectedAt) {
        FrontMatter frontMatter = FrontMatter.of(document);
        String noteTitle = frontMatter.title() != null ? frontMatter.title() : fileTitle(noteId);
        NoteBuilder note = new NoteBuilder(noteId, noteTitle, frontMatter.date());
        boolean wholeNoteIsOneEvent = !hasEventHeading(document);
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (wholeNoteIsOneEvent && !note.hasEvents() && !isMarkupOnly(node)) {
                note.startNoteEvent(lines.lineOf(node.getStartOffset()));
            }
            if (node instanceof Heading heading && !isTextAboveARule(heading)) {
                onHeading(note, document, heading, lines.lineOf(heading.getStartOffset()));
            } else if (node instanceof ListBlock list) {
                note.section().add(bullets(list), NodeText.urls(list, document));
            } else if (!isMarkupOnly(node)) {
                note.section().add(List.of(Bullet.leaf(NodeText.plainText(node))), NodeText.urls(node, document));
            }
        }
        return new ParsedNote(NoteJson.SCHEMA_VERSION, noteId, version, contentHash, noteTitle, frontMatter.date(),
                frontMatter.tags(), note.preamble(), note.events(), detectedAt, VERSION, null);
    }

    /**
     * CommonMark reads a line of text directly above {@code ---} as a heading; memo writers mean text and a
     * separating rule, which carries no meaning. {@code ===} underlines stay headings: nobody types them by chance.
     */
    private static boolean isTextAboveARule(Heading heading) {
        return heading.isSetextHeading() && heading.getLevel() == 2;
    }

    /** Blocks that carry no text of the memo: rules, front matter, HTML, reference definitions, blank lines. */
    private static boolean isMarkupOnly(Node node) {
        return node instanceof ThematicBreak || node instanceof YamlFrontMatterBlock || node instanceof HtmlBlockBase
                || node instanceof Reference || node instanceof BlankLine;
    }

    /** Without any {@code #} heading the whole memo is one event, named by its front-matter title or file name. */
    private static boolean hasEventHeading(Document document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 1) {
                String text = NodeText.plainText(heading);
                if (!text.isEmpty() && !IMPRESSION_HEADINGS.contains(headingName(text))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** How a heading is recognised: case and a trailing colon do not matter. */
    private static String headingName(String text) {
        return text.replaceAll("[:：]$", "").strip().toLowerCase(Locale.ROOT);
    }

    private void onHeading(NoteBuilder note, Document document, Heading heading, int line) {
        String text = NodeText.plainText(heading);
        if (text.isEmpty()) {
            return;
        }
        String name = headingName(text);
        if (IMPRESSION_HEADINGS.contains(name)) {
            note.startImpressions(line);
        } else if (heading.getLevel() == 1) {
            note.startEvent(text, headingDate(text), line, NodeText.urls(heading, document));
        } else if (heading.getLevel() == 2 && OVERVIEW_HEADINGS.contains(name)) {
            note.startOverview(line);
        } else if (heading.getLevel() == 2) {
            note.startTalk(headingParser.parse(text), line, NodeText.urls(heading, document));
        } else {
            note.section().add(List.of(Bullet.leaf(text)), NodeText.urls(heading, document));
        }
    }

    /** An event heading such as {@code # 2022/12/01 Tokyo Jazug Night} dates the event. */
    private static LocalDate headingDate(String title) {
        Matcher matcher = HEADING_DATE.matcher(title);
        return matcher.find() ? FrontMatter.date(matcher.group(1) + "-" + matcher.group(2) + "-" + matcher.group(3)) : null;
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

    private static Bullet bullet(ListItem item) {
        StringBuilder text = new StringBuilder();
        List<Bullet> children = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock nested) {
                children.addAll(bullets(nested));
            } else if (!isMarkupOnly(child)) {
                if (!text.isEmpty()) {
                    text.append('\n');
                }
                text.append(NodeText.plainText(child));
            }
        }
        return new Bullet(text.toString(), children);
    }

    /** Without a byte order mark and with {@code \n} line ends, so front matter is found and lines count right. */
    private static String normalized(String markdown) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** The file name without folders and extension: what a memo without a title is called. */
    static String fileTitle(String noteId) {
        String name = noteId.substring(noteId.lastIndexOf('/') + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
