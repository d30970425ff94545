package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.util.ast.Node;
import dev.notespipeline.contract.Bullet;
import dev.notespipeline.parser.NoteBuilder.TalkFields;
import dev.notespipeline.parser.Speakers.Speaker;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Talks that are not headings, where the memo's structure leaves no doubt: the notes of one session whose first line
 * is its title ({@code CON310 - Breaking Containers…} with the speakers' lines below it, or a first bullet with the
 * speakers as its sub-bullets), and a sentence that says who gave which talk ({@code Introduction to Amazon EKS was
 * conducted by Jane Doe}), the items of a list of sessions, the rows of a table of sessions.
 */
final class BlockTalks {

    /** Where a talk begins among an event's blocks, what the memo says of it, and why it was read so. */
    record BlockTalk(Node start, TalkFields fields, boolean startIsTitle, String reason) {
    }

    /** A list or table whose items or rows are talks: each with its fields, source line, notes and links. */
    record Sessions(Node block, List<Session> talks, String reason) {
    }

    record Session(TalkFields fields, int line, List<Bullet> bullets, Set<String> urls) {
    }

    private static final TalkHeadingParser HEADINGS = new TalkHeadingParser();
    private static final Pattern PROSE = Pattern.compile(
            "^(?<title>[^.。!?！？\\n]{5,120}?)\\s+(?:was|were)\\s+(?:conducted|presented|given|delivered|led|hosted|run|taught)"
                    + "\\s+by\\s+(?<rest>.+)$", Pattern.DOTALL);
    private static final Pattern SENTENCE_END = Pattern.compile(".*[。.:：!?！？、,]$");
    private static final int LOOK_AHEAD = 4;
    private static final Pattern TITLE_COLUMN = Pattern.compile(
            "(?i)タイトル|題目|演題|テーマ|発表(?:タイトル|内容)?|セッション(?:名)?|講演(?:タイトル)?|内容|title|session|talk|topic|subject");
    private static final Pattern SPEAKER_COLUMN = Pattern.compile(
            "(?i)登壇者|発表者|講演者|講師|スピーカー|名前|氏名|speakers?|presenters?|by|name|who");
    private static final Pattern AFFILIATION_COLUMN = Pattern.compile("(?i)所属|会社|company|affiliation|organi[sz]ation|org");

    private BlockTalks() {
    }

    /** The talk a memo without headings holds, or null: its first line as title, or a sentence naming it. */
    static BlockTalk inMemoWithoutHeadings(List<Node> blocks) {
        if (blocks.isEmpty()) {
            return null;
        }
        BlockTalk talk = firstLineTitle(blocks);
        if (talk == null) {
            talk = firstListItemTitle(blocks.get(0));
        }
        return talk != null ? talk : prose(blocks);
    }

    /** A sentence such as "Introduction to Amazon EKS was conducted by Jane Doe" among an event's first blocks. */
    static BlockTalk prose(List<Node> blocks) {
        for (int i = 0; i < Math.min(LOOK_AHEAD, blocks.size()); i++) {
            if (!(blocks.get(i) instanceof Paragraph paragraph)) {
                continue;
            }
            Matcher matcher = PROSE.matcher(NodeText.plainText(paragraph));
            if (!matcher.matches()) {
                continue;
            }
            String speaker = linkAfterBy(paragraph);
            if (speaker == null) {
                speaker = leadingName(matcher.group("rest"));
            }
            if (speaker != null) {
                TalkHeading heading = HEADINGS.parse(matcher.group("title"));
                return new BlockTalk(paragraph, fields(heading, new Speaker(speaker, null)), false,
                        "a sentence says who gave the talk");
            }
        }
        return null;
    }

    private static BlockTalk firstLineTitle(List<Node> blocks) {
        if (!(blocks.get(0) instanceof Paragraph first)) {
            return null;
        }
        List<String> lines = NodeText.plainText(first).lines().toList();
        if (lines.size() != 1) {
            return null;
        }
        String line = lines.get(0).strip();
        if (line.length() < 5 || line.length() > 150 || SENTENCE_END.matcher(line).matches()) {
            return null;
        }
        TalkHeading heading = HEADINGS.parse(line);
        Speaker speakers = null;
        for (int i = 1; i < Math.min(LOOK_AHEAD, blocks.size()) && speakers == null; i++) {
            speakers = speakerBlock(blocks.get(i));
        }
        if (speakers == null && heading.code() == null) {
            return null;
        }
        String reason = heading.code() != null ? "first line of a memo without headings, with a session code"
                : "first line of a memo without headings, its speakers below it";
        return new BlockTalk(first, fields(heading, speakers), true, reason);
    }

    /** A paragraph whose every line introduces a speaker. */
    private static Speaker speakerBlock(Node block) {
        if (!(block instanceof Paragraph paragraph)) {
            return null;
        }
        List<Speaker> speakers = new ArrayList<>();
        for (String line : NodeText.plainText(paragraph).lines().toList()) {
            Speaker speaker = Speakers.introducedBy(line);
            if (speaker == null) {
                return null;
            }
            speakers.add(speaker);
        }
        return SectionFeatures.joined(speakers);
    }

    /** {@code * Open Q&A on Azure} with {@code * Mark Russinovich} and {@code * Corey Sanders} below it. */
    private static BlockTalk firstListItemTitle(Node block) {
        if (!(block instanceof ListBlock list) || !(list.getFirstChild() instanceof ListItem item)
                || item.getFirstChild() == null) {
            return null;
        }
        String title = NodeText.plainText(item.getFirstChild()).strip();
        if (title.isEmpty() || title.length() > 150 || SENTENCE_END.matcher(title).matches()) {
            return null;
        }
        List<Speaker> speakers = new ArrayList<>();
        for (Node child = item.getFirstChild().getNext(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock nested) {
                for (Node sub = nested.getFirstChild(); sub != null; sub = sub.getNext()) {
                    if (sub instanceof ListItem subItem && subItem.getFirstChild() != null) {
                        String name = NodeText.plainText(subItem.getFirstChild()).strip();
                        Speaker speaker = Speakers.isLatinName(name) ? new Speaker(name, null) : Speakers.named(name);
                        if (speaker != null) {
                            speakers.add(speaker);
                        }
                    }
                }
            }
        }
        if (speakers.isEmpty()) {
            return null;
        }
        return new BlockTalk(list, fields(HEADINGS.parse(title), SectionFeatures.joined(speakers)), false,
                "first bullet of a memo without headings, its speakers below it");
    }

    /**
     * A list whose items are talks: at least two items, and most of them marked as talks in their first line (a
     * speaker, a time slot, a session code), the way a heading would be.
     */
    static Sessions sessionList(Node block, Outline outline) {
        if (!(block instanceof ListBlock list)) {
            return null;
        }
        List<Session> talks = new ArrayList<>();
        int items = 0;
        int marked = 0;
        for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
            if (!(node instanceof ListItem item) || item.getFirstChild() == null) {
                continue;
            }
            items++;
            String line = NodeText.plainText(item.getFirstChild()).lines().findFirst().orElse("").strip();
            TalkHeading heading = HEADINGS.parse(line);
            if (heading.title() != null && HeadingNames.segmentRole(heading.title()) != null) {
                continue;
            }
            marked += heading.marksATalk() ? 1 : 0;
            Bullet bullet = Blocks.bullet(item);
            talks.add(new Session(fields(heading, null), outline.lineOf(item), bullet.children(),
                    NodeText.urls(item, outline.document)));
        }
        if (marked < 2 || marked * 2 < items) {
            return null;
        }
        return new Sessions(block, talks, "a list of sessions: its items name speakers or time slots");
    }

    /** A table with a title column: each row a talk, with its speaker and company columns where there are. */
    static Sessions sessionTable(Node block, Outline outline) {
        if (!(block instanceof TableBlock table)) {
            return null;
        }
        List<List<String>> rows = Blocks.rows(table);
        if (rows.size() < 2) {
            return null;
        }
        List<String> header = rows.get(0);
        int title = column(header, TITLE_COLUMN);
        if (title < 0) {
            return null;
        }
        int speaker = column(header, SPEAKER_COLUMN);
        int affiliation = column(header, AFFILIATION_COLUMN);
        List<Session> talks = new ArrayList<>();
        int line = outline.lineOf(table) + 1;
        for (List<String> row : rows.subList(1, rows.size())) {
            line++;
            if (title >= row.size() || row.get(title).isBlank()) {
                continue;
            }
            TalkHeading heading = HEADINGS.parse(row.get(title));
            if (HeadingNames.segmentRole(heading.title() == null ? row.get(title) : heading.title()) != null) {
                continue;
            }
            Speaker person = speaker >= 0 && speaker < row.size() && !row.get(speaker).isBlank()
                    ? new Speaker(Speakers.clean(row.get(speaker)),
                            affiliation >= 0 && affiliation < row.size() ? Speakers.clean(row.get(affiliation)) : null)
                    : null;
            talks.add(new Session(fields(heading, person), line,
                    List.of(Bullet.leaf(String.join(" | ", row))), Set.of()));
        }
        return talks.isEmpty() ? null : new Sessions(block, talks, "a table of sessions with a title column");
    }

    private static int column(List<String> header, Pattern name) {
        for (int i = 0; i < header.size(); i++) {
            if (name.matcher(header.get(i).strip()).matches()) {
                return i;
            }
        }
        return -1;
    }

    private static TalkFields fields(TalkHeading heading, Speaker speaker) {
        String name = heading.speaker() != null ? heading.speaker() : speaker == null ? null : speaker.name();
        String affiliation = heading.affiliation() != null ? heading.affiliation() : speaker == null ? null : speaker.affiliation();
        return new TalkFields(heading.title(), name, affiliation, heading.durationMinutes(), heading.kind(),
                heading.code(), null);
    }

    /** The text of the link right after "by " in a paragraph: how a speaker's profile is usually linked. */
    private static String linkAfterBy(Paragraph paragraph) {
        for (Node node = paragraph.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Link link && node.getPrevious() instanceof Text before
                    && before.getChars().toString().stripTrailing().endsWith(" by")) {
                return Speakers.clean(NodeText.plainText(link));
            }
        }
        return null;
    }

    /** The capitalised name at the start of {@code text}, two to four words. */
    private static String leadingName(String text) {
        String[] words = text.strip().split("\\s+");
        for (int count = Math.min(4, words.length); count >= 2; count--) {
            String candidate = String.join(" ", java.util.Arrays.copyOfRange(words, 0, count)).replaceAll("[.,;]$", "");
            if (Speakers.isLatinName(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
