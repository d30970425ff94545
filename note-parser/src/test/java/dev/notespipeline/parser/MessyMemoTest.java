package dev.notespipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.Link;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.parser.fixtures.SampleNotes;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Memos as editors and people really save them: CRLF, byte order marks, tabs, odd headings, empty parts. */
class MessyMemoTest {

    private final NoteParser parser = new NoteParser();

    private ParsedNote parse(String noteId, String markdown) {
        return parser.parse(noteId, markdown, 1, "hash", Instant.EPOCH);
    }

    @Test
    void crlfAndAByteOrderMarkParseLikeTheOriginal() {
        String memo = SampleNotes.text(SampleNotes.KUBECON_2024);
        ParsedNote original = parse("kubecon.md", memo);
        ParsedNote windows = parse("kubecon.md", "\uFEFF" + memo.replace("\n", "\r\n"));
        ParsedNote oldMac = parse("kubecon.md", memo.replace("\n", "\r"));
        assertThat(windows).isEqualTo(original);
        assertThat(oldMac).isEqualTo(original);
        assertThat(windows.title()).isEqualTo("KubeCon EU 2024 notes");
        assertThat(windows.events().get(0).talks().get(0).speaker()).isEqualTo("Liz Rice");
    }

    @Test
    void theSampleMemoWithCrlfKeepsItsSpeakersAndLines() {
        String memo = SampleNotes.text(SampleNotes.FY2022);
        assertThat(parse("fy2022-events.md", memo.replace("\n", "\r\n")))
                .isEqualTo(parse("fy2022-events.md", memo));
    }

    @Test
    void tabsSeparateSpeakersAndIndentNestedBullets() {
        Talk talk = parse("t.md", "# Night\n## Kafka 101\t\tAlice\n* streams\n\t* partitions\n").events().get(0).talks().get(0);
        assertThat(talk.speaker()).isEqualTo("Alice");
        assertThat(talk.bullets()).containsExactly(new Bullet("streams", java.util.List.of(Bullet.leaf("partitions"))));
    }

    @Test
    void closingHashesAreNotPartOfHeadings() {
        NoteEvent event = parse("t.md", "# Tokyo Night ##\n## Kafka 101\tBob さん ###\n* x\n").events().get(0);
        assertThat(event.title()).isEqualTo("Tokyo Night");
        assertThat(event.talks()).extracting(Talk::title, Talk::speaker).containsExactly(tuple("Kafka 101", "Bob"));
    }

    @Test
    void aMemoWithoutEventHeadingsIsNamedByItsFrontMatterTitle() {
        ParsedNote note = parse("2024/kubecon.md",
                "---\ntitle: KubeCon day\n---\nRecordings: https://youtu.be/abcdefgh\n## Keynote\tAlice\n* eBPF\n");
        assertThat(note.preamble()).isEmpty();
        assertThat(note.events()).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("KubeCon day");
            assertThat(event.line()).isEqualTo(4);
            assertThat(event.links()).extracting(Link::ref).containsExactly("abcdefgh");
            assertThat(event.talks()).extracting(Talk::title).containsExactly("Keynote");
        });
    }

    @Test
    void emptySectionsAndAnEmptyMemoParse() {
        ParsedNote note = parse("e.md", "# A\n## 概要\n## Talk\n## 雑感\n# B\n\n#\n");
        assertThat(note.events()).extracting(NoteEvent::title).containsExactly("A", "B");
        NoteEvent a = note.events().get(0);
        assertThat(a.links()).isEmpty();
        assertThat(a.overview()).isEmpty();
        assertThat(a.impressions()).isEmpty();
        assertThat(a.talks()).singleElement().satisfies(talk -> {
            assertThat(talk.title()).isEqualTo("Talk");
            assertThat(talk.bullets()).isEmpty();
        });
        assertThat(note.events().get(1).talks()).isEmpty();

        ParsedNote empty = parse("notes/empty.md", "");
        assertThat(empty.title()).isEqualTo("empty");
        assertThat(empty.events()).isEmpty();
        assertThat(empty.preamble()).isEmpty();
    }

    @Test
    void textDirectlyAboveARuleStaysTextButAnEqualsUnderlineIsAnEvent() {
        ParsedNote note = parse("r.md", "Tokyo Night\n===\n## Talk\nsome text\n---\n* point\n");
        assertThat(note.events()).extracting(NoteEvent::title).containsExactly("Tokyo Night");
        assertThat(note.events().get(0).talks()).singleElement().satisfies(talk ->
                assertThat(talk.text()).isEqualTo("some text\npoint"));
    }

    @Test
    void twoEventsWithTheSameTitleGetDifferentIds() {
        ParsedNote note = parse("same.md", "# Meetup\n## Talk\n# Meetup\n## Talk\n");
        assertThat(note.events()).extracting(NoteEvent::id).doesNotHaveDuplicates();
        assertThat(note.events()).flatExtracting(NoteEvent::talks).extracting(Talk::id).doesNotHaveDuplicates();
    }

    @Test
    void impressionsAreFoundAtEveryHeadingLevelAndWithAColon() {
        ParsedNote note = parse("i.md", """
                # One
                ## Talk
                * t
                ## 感想：
                * first
                # Two
                ##### Impressions
                * second
                # Three
                ## Talk
                # 雑感
                * third
                """);
        assertThat(note.events()).extracting(event -> Bullet.plainText(event.impressions()))
                .containsExactly("first", "second", "third");
        assertThat(note.events()).flatExtracting(NoteEvent::talks).extracting(Talk::title).containsOnly("Talk");
    }

    @Test
    void paragraphsCodeAndQuotesUnderATalkAreKeptAsTextAndMarkupIsDropped() {
        Talk talk = parse("p.md", """
                # Night
                ## Talk
                Some **bold** prose with `code`.

                ```
                kubectl get pods
                ```

                > quoted [link text](https://example.com/q)

                <!-- a private comment -->
                ### Subsection
                * after
                ---
                """).events().get(0).talks().get(0);
        assertThat(talk.bullets()).extracting(Bullet::text).containsExactly(
                "Some bold prose with code.", "kubectl get pods", "quoted link text", "Subsection", "after");
        assertThat(talk.links()).containsExactly(new Link("other", "https://example.com/q", null));
        assertThat(talk.text()).doesNotContain("private comment").doesNotContain("**");
    }

    @Test
    void aSpeakerLineUnderTheHeadingNamesTheSpeaker() {
        NoteEvent event = parse("s.md", "# Night\n## Talk A\n* Speaker: Carol Smith\n* x\n## Talk B\tDan\n* 登壇者：Eveさん\n")
                .events().get(0);
        assertThat(event.talks()).extracting(Talk::speaker).containsExactly("Carol Smith", "Dan");
    }

    @Test
    void anEventHeadingWithADateDatesTheEventAndOthersTakeTheNotesDate() {
        ParsedNote note = parse("d.md", "---\ndate: 2022-12-01\n---\n# 2022/12/15 Jazug Night\n# 2023年1月20日 勉強会\n# Undated\n");
        assertThat(note.events()).extracting(NoteEvent::title, NoteEvent::date).containsExactly(
                tuple("2022/12/15 Jazug Night", LocalDate.of(2022, 12, 15)),
                tuple("2023年1月20日 勉強会", LocalDate.of(2023, 1, 20)),
                tuple("Undated", LocalDate.of(2022, 12, 1)));
    }

    @Test
    void onlyWebLinksCountNotAnchorsRelativePathsOrMail() {
        Talk talk = parse("l.md", "# Night\n## Talk\n* [top](#night) [other memo](./2023.md) [mail](mailto:a@example.com) "
                + "<mailto:b@example.com> [site](HTTPS://Example.com/x)\n").events().get(0).talks().get(0);
        assertThat(talk.links()).containsExactly(new Link("other", "HTTPS://Example.com/x", null));
        assertThat(talk.text()).isEqualTo("top other memo mail mailto:b@example.com site");
    }

    @Test
    void preambleLinksBelongToNoEventOrTalk() {
        ParsedNote note = parse("p.md", "See https://example.com/index\n# Night\n## Talk\n* x\n");
        assertThat(note.preamble()).isEqualTo("See https://example.com/index");
        assertThat(note.events().get(0).links()).isEmpty();
        assertThat(note.events().get(0).talks().get(0).links()).isEmpty();
    }
}
