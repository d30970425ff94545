package dev.notespipeline.parser;

import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import java.time.Instant;
import java.util.List;

/**
 * Turns a Markdown memo into events and talks by reading the memo's own layout, in stages: an outline of its
 * headings and blocks ({@link Outline}), the role of each heading ({@link LayoutInference}: event, group of talks,
 * talk, segment, overview, impressions, part of a talk), the fields of each talk ({@link TalkHeadingParser},
 * {@link Speakers}), and the note with a report of what was decided and why ({@link LayoutReporter}). The design's
 * first rules ({@code #} event, {@code ##} talk, 概要, 雑感) are one outcome of this reading, not a separate path.
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
    public static final int VERSION = 3;

    private final Parser parser = Parser.builder(new MutableDataSet()
            .set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create(), TablesExtension.create()))).build();
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
            return build(noteId, parser.parse(InterruptibleText.of(text)), new LineIndex(text), version, contentHash, detectedAt);
        } catch (StackOverflowError e) {
            // Inline nesting (emphasis in emphasis, long runs of * or -) is not bounded by the input check:
            // flexmark's regular expressions and tree code recurse on it. The overflowed frames are gone once
            // we get here, and the parser keeps no state between documents, so refusing this one memo is safe.
            throw new UnparseableNoteException("the Markdown is nested or repeated too deeply to parse", e);
        }
    }

    private ParsedNote build(String noteId, Document document, LineIndex lines, long version, String contentHash,
            Instant detectedAt) {
        Outline outline = Outline.of(document, lines);
        FrontMatter frontMatter = outline.frontMatter;
        LayoutHints hints = LayoutHints.of(frontMatter.layout());
        LayoutInference layout = new LayoutInference(outline, hints);
        String noteTitle = frontMatter.title() != null ? frontMatter.title() : fileTitle(noteId);
        NoteBuilder note = new NoteBuilder(noteId, MemoPath.eventTitle(noteId, frontMatter.title()), frontMatter.date());
        new NoteWalker(outline, layout, note).walk(frontMatter.date() != null ? frontMatter.date() : MemoPath.date(noteId));
        List<NoteEvent> events = note.events();
        return new ParsedNote(NoteJson.SCHEMA_VERSION, noteId, version, contentHash, noteTitle, frontMatter.date(),
                frontMatter.tags(), note.preamble(), events, detectedAt, VERSION,
                LayoutReporter.report(outline, layout, hints, events, frontMatter.title() != null));
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
