package dev.notespipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.parser.fixtures.SampleNotes;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Hostile memos end in a parsed note or a refusal that says why; never a hang, a stack overflow or a crash. */
class PathologicalMarkdownTest {

    private final NoteParser parser = new NoteParser();

    private ParsedNote parse(String markdown) {
        return parser.parse("hostile.md", markdown, 1, "hash", Instant.EPOCH);
    }

    @Test
    void hundredThousandHeadingsAreRefusedWithTheLimit() {
        String memo = "# Event\n" + "## Talk\n* text\n".repeat(100_000);
        assertThatThrownBy(() -> parse(memo))
                .isInstanceOfSatisfying(UnparseableNoteException.class, e ->
                        assertThat(e.reason()).isEqualTo("the memo has more than 10000 headings"));
    }

    @Test
    void headingsUpToTheLimitAreParsed() {
        ParsedNote note = new NoteParser(new ParserLimits(10_000, 10_000, 100, 2_001))
                .parse("many.md", "# Event\n" + "## Talk\n".repeat(2_000), 1, "hash", Instant.EPOCH);
        assertThat(note.talkCount()).isEqualTo(2_000);
        assertThat(note.events().get(0).talks().stream().map(t -> t.id()).distinct()).hasSize(2_000);
    }

    @Test
    void listsNestedTenThousandDeepAreRefusedWithTheLine() {
        String memo = "# Event\n## Talk\n" + "- ".repeat(10_000) + "deep\n";
        assertThatThrownBy(() -> parse(memo))
                .isInstanceOfSatisfying(UnparseableNoteException.class, e ->
                        assertThat(e.reason()).isEqualTo("line 3 nests lists or quotes more than 100 levels deep"));
    }

    @Test
    void listsNestedTenThousandDeepByIndentationAreRefused() {
        StringBuilder memo = new StringBuilder("# Event\n");
        for (int depth = 0; depth < 10_000; depth++) {
            memo.append("  ".repeat(depth)).append("- item\n");
        }
        assertThatThrownBy(() -> parse(memo.toString()))
                .isInstanceOf(UnparseableNoteException.class)
                .hasMessageContaining("nests lists or quotes more than 100 levels deep");
    }

    @Test
    void listsNestedByIndentationInsideAQuoteAreCountedToo() {
        StringBuilder memo = new StringBuilder("# Event\n");
        for (int depth = 0; depth < 200; depth++) {
            memo.append(">").append("  ".repeat(depth)).append(" - item\n");
        }
        assertThatThrownBy(() -> parse(memo.toString()))
                .isInstanceOf(UnparseableNoteException.class)
                .hasMessageContaining("nests lists or quotes more than 100 levels deep");
    }

    @Test
    void quotesNestedTenThousandDeepAreRefused() {
        assertThatThrownBy(() -> parse(">".repeat(10_000) + " deep\n"))
                .isInstanceOf(UnparseableNoteException.class)
                .hasMessageContaining("line 1 nests lists or quotes");
    }

    @Test
    void nestingWithinTheLimitKeepsEveryLevelAsBullets() {
        ParsedNote note = parse("# Event\n## Talk\n" + "- ".repeat(90) + "deep\n");
        Bullet bullet = note.events().get(0).talks().get(0).bullets().get(0);
        int depth = 1;
        while (!bullet.children().isEmpty()) {
            bullet = bullet.children().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(90);
        assertThat(bullet.text()).isEqualTo("deep");
        assertThat(NoteJson.readParsed(NoteJson.write(note))).as("Kafka's JSON keeps the whole tree").isEqualTo(note);
    }

    @Test
    void emphasisNestedThousandsDeepIsRefusedAndTheParserStillWorks() {
        String memo = "# Event\n## Talk\n" + "*".repeat(4_000) + "x" + "*".repeat(4_000) + "\n";
        assertThatThrownBy(() -> parse(memo))
                .isInstanceOfSatisfying(UnparseableNoteException.class, e ->
                        assertThat(e.reason()).isEqualTo("the Markdown is nested or repeated too deeply to parse"));
        assertThat(parse(SampleNotes.text(SampleNotes.FY2022)).events()).hasSize(3);
    }

    @Test
    void aFiveMegabyteLineIsRefusedWithItsLength() {
        String memo = "# Event\n## Talk\n* " + "a".repeat(5 * 1024 * 1024) + "\n";
        assertThatThrownBy(() -> parse(memo))
                .isInstanceOfSatisfying(UnparseableNoteException.class, e ->
                        assertThat(e.reason()).isEqualTo("line 3 has 5242882 characters; at most 10000 are allowed"));
    }

    @Test
    void aFiveMegabyteLineOfLinkSyntaxIsRefusedBeforeFlexmarkSpendsQuadraticTimeOnIt() {
        assertThatThrownBy(() -> parse("[a](".repeat(5 * 1024 * 1024 / 4)))
                .isInstanceOf(UnparseableNoteException.class)
                .hasMessageContaining("line 1 has 5242880 characters");
    }

    @Test
    void aHugeParagraphOfShortLinesIsRefusedWithAHint() {
        assertThatThrownBy(() -> parse("# Event\n## Talk\n" + "> [a](\n".repeat(100_000)))
                .isInstanceOf(UnparseableNoteException.class)
                .hasMessageContaining("the paragraph ending at line")
                .hasMessageContaining("split it with blank lines");
    }

    @Test
    void manyShortListItemsAndCodeBlocksAreNotOneParagraph() {
        String items = "* [a](https://example.com/x) item\n".repeat(5_000);
        String code = "```\n" + "log line with [a](\n".repeat(2_000) + "```\n";
        ParsedNote note = parse("# Event\n## Talk\n" + items + "\n" + code);
        assertThat(note.events().get(0).talks().get(0).bullets()).hasSize(5_001);
    }

    @Test
    void aLongRunOfDashesIsRefusedNotAStackOverflow() {
        assertThatThrownBy(() -> parse("# Event\n" + "-".repeat(9_000) + "\n"))
                .isInstanceOf(UnparseableNoteException.class);
    }
}
