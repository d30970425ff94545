package dev.notespipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.notespipeline.contract.Link;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.parser.fixtures.SampleNotes;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parsing rules on memos written for them, in English and Japanese. */
class OwnMemosTest {

    private static ParsedNote parsed(String resource) {
        return SampleNotes.parsed(resource, 1);
    }

    @Test
    void englishFrontMatterGivesTitleDateAndTags() {
        ParsedNote note = parsed(SampleNotes.KUBECON_2024);
        assertThat(note.title()).isEqualTo("KubeCon EU 2024 notes");
        assertThat(note.date()).isEqualTo(LocalDate.of(2024, 3, 20));
        assertThat(note.tags()).containsExactly("kubernetes", "conference");
        assertThat(note.preamble()).isEqualTo("Notes from two days in Paris.");
        assertThat(note.events()).extracting(NoteEvent::title, NoteEvent::date).containsExactly(
                tuple("Day 1: Cloud Native Rejekts", LocalDate.of(2024, 3, 20)),
                tuple("Day 2: KubeCon keynotes", LocalDate.of(2024, 3, 20)));
    }

    @Test
    void englishTalkHeadingsGiveTitleSpeakerDurationAndKind() {
        List<Talk> talks = parsed(SampleNotes.KUBECON_2024).events().stream().flatMap(e -> e.talks().stream()).toList();
        assertThat(talks).extracting(Talk::title, Talk::speaker, Talk::durationMinutes, Talk::kind).containsExactly(
                tuple("Keynote Scaling eBPF", "Liz Rice", 30, "keynote"),
                tuple("Lightning Talk: Kueue in five minutes", "@kante_yin", null, "lt"),
                tuple("Lightning Talk: Kueue in five minutes", "@someone_else", null, "lt"),
                tuple("Hallway track", null, null, null),
                tuple("Empty section", null, null, null),
                tuple("Case study: running 10k clusters", "Jane Doe", null, "case-study"),
                tuple("Stand by me", null, null, null));
        assertThat(talks.get(1).id()).isNotEqualTo(talks.get(2).id());
        assertThat(talks.get(4).bullets()).isEmpty();
        assertThat(talks.get(4).text()).isEmpty();
    }

    @Test
    void englishLinksAreClassifiedOnTheEventOrTheTalk() {
        List<NoteEvent> events = parsed(SampleNotes.KUBECON_2024).events();
        assertThat(events.get(0).links()).containsExactly(
                new Link("youtube", "https://www.youtube.com/playlist?list=PLj6h78yzYM2N8nw1YcqqKveySH6_0VnI0", null),
                new Link("other", "https://cloud-native.rejekts.io/schedule", null));
        List<Talk> day1 = events.get(0).talks();
        assertThat(day1.get(0).links()).containsExactly(
                new Link("speakerdeck", "https://speakerdeck.com/lizrice/scaling-ebpf", "lizrice/scaling-ebpf"),
                new Link("github", "https://github.com/lizrice/ebpf-demo", "lizrice/ebpf-demo"));
        assertThat(day1.get(1).links()).containsExactly(
                new Link("youtube", "https://youtu.be/dQw4w9WgXcQ?t=42", "dQw4w9WgXcQ"));
        assertThat(day1.get(3).links()).containsExactly(
                new Link("youtube", "https://www.youtube.com/live/AbCdEfGh123?feature=share", "AbCdEfGh123"),
                new Link("slideshare", "https://www.slideshare.net/someuser/platform-engineering-101",
                        "someuser/platform-engineering-101"));
        Talk caseStudy = events.get(1).talks().get(0);
        assertThat(caseStudy.links()).extracting(Link::kind, Link::ref).containsExactly(
                tuple("youtube", "AbCdEfGh123"), tuple("github", "example/fleet"));
        assertThat(caseStudy.text()).contains("Recording and repo").doesNotContain("https://");
        assertThat(events.get(1).talks().get(1).links()).isEmpty();
    }

    @Test
    void englishImpressionsUnderATripleHashBelongToTheirEventWithNesting() {
        NoteEvent day1 = parsed(SampleNotes.KUBECON_2024).events().get(0);
        assertThat(day1.impressions()).singleElement().satisfies(bullet -> {
            assertThat(bullet.text()).isEqualTo("Rejekts was better than the main event.");
            assertThat(bullet.children()).extracting(b -> b.text()).containsExactly("Smaller rooms, real questions.");
        });
        assertThat(day1.talks()).extracting(Talk::title).doesNotContain("Impressions");
    }

    @Test
    void englishNestedBulletsKeepTheirTreeAndTheTextIsPlain() {
        Talk keynote = parsed(SampleNotes.KUBECON_2024).events().get(0).talks().get(0);
        assertThat(keynote.bullets().get(0).text()).isEqualTo("Why eBPF programs need no kernel patch");
        assertThat(keynote.bullets().get(0).children().get(0).text()).isEqualTo("verifier keeps them safe");
        assertThat(keynote.bullets().get(0).children().get(0).children().get(0).text()).isEqualTo("bounded loops only");
        assertThat(keynote.text()).isEqualTo("""
                Why eBPF programs need no kernel patch
                verifier keeps them safe
                bounded loops only
                Slides: Speaker Deck
                Demo code: https://github.com/lizrice/ebpf-demo""");
    }

    @Test
    void everyEventAndTalkKnowsItsSourceLine() {
        ParsedNote note = parsed(SampleNotes.KUBECON_2024);
        String memo = SampleNotes.text(SampleNotes.KUBECON_2024);
        assertThat(note.events().get(1).line()).isEqualTo(lineOf(memo, "# Day 2: KubeCon keynotes"));
        assertThat(note.events().get(1).talks().get(1).line()).isEqualTo(lineOf(memo, "## Stand by me"));
        assertThat(note.events().get(0).line()).isEqualTo(lineOf(memo, "# Day 1: Cloud Native Rejekts"));
    }

    @Test
    void japaneseFrontMatterWithQuotesSlashDateAndFlowTags() {
        ParsedNote note = parsed(SampleNotes.JAWS_DAYS_2023);
        assertThat(note.title()).isEqualTo("JAWS DAYS 2023 メモ");
        assertThat(note.date()).isEqualTo(LocalDate.of(2023, 3, 4));
        assertThat(note.tags()).containsExactly("aws", "監視");
    }

    @Test
    void japaneseTalkHeadingsGiveTitleSpeakerDurationAndKind() {
        NoteEvent event = parsed(SampleNotes.JAWS_DAYS_2023).events().get(0);
        assertThat(event.talks()).extracting(Talk::title, Talk::speaker, Talk::durationMinutes, Talk::kind).containsExactly(
                tuple("基調講演「クラウドの10年」", "山田 太郎", 40, "keynote"),
                tuple("事例講演 監視基盤の作り直し", "佐藤 花子", 20, "case-study"),
                tuple("LT：CDK で楽をする", "鈴木一郎", null, "lt"),
                tuple("LT：CDK で楽をする", "高橋", null, "lt"));
        assertThat(event.talks().get(2).id()).isNotEqualTo(event.talks().get(3).id());
    }

    @Test
    void japaneseLinksAreClassifiedAndStopAtJapaneseText() {
        NoteEvent event = parsed(SampleNotes.JAWS_DAYS_2023).events().get(0);
        assertThat(event.links()).containsExactly(
                new Link("connpass", "https://jawsug.connpass.com/event/271930/", "271930"),
                new Link("youtube", "https://www.youtube.com/watch?v=Zx12AbCd345", "Zx12AbCd345"));
        assertThat(event.talks().get(0).links()).containsExactly(
                new Link("speakerdeck", "https://speakerdeck.com/yamada/cloud-10-years", "yamada/cloud-10-years"));
    }

    @Test
    void japaneseImpressionsAndNestedBullets() {
        NoteEvent event = parsed(SampleNotes.JAWS_DAYS_2023).events().get(0);
        assertThat(event.impressions()).singleElement().satisfies(bullet -> {
            assertThat(bullet.text()).isEqualTo("監視の話が一番刺さった。");
            assertThat(bullet.children()).extracting(b -> b.text()).containsExactly("自社でも OpenTelemetry を試したい");
        });
        Talk keynote = event.talks().get(0);
        assertThat(keynote.bullets().get(0).children()).extracting(b -> b.text()).containsExactly("2013年：EC2中心", "2023年：サーバーレス中心");
        assertThat(keynote.bullets().get(0).children().get(0).children()).extracting(b -> b.text())
                .containsExactly("オンプレからのリフト＆シフト");
    }

    @Test
    void aMemoWithoutAnyHeadingIsOneEventNamedByItsFrontMatterTitle() {
        ParsedNote note = parsed(SampleNotes.NO_HEADINGS);
        assertThat(note.title()).isEqualTo("勉強会メモ");
        assertThat(note.preamble()).isEmpty();
        assertThat(note.events()).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("勉強会メモ");
            assertThat(event.line()).isEqualTo(4);
            assertThat(event.talks()).isEmpty();
            assertThat(event.overview()).singleElement().satisfies(bullet -> {
                assertThat(bullet.text()).isEqualTo("登壇資料は後で共有される");
                assertThat(bullet.children()).extracting(b -> b.text()).containsExactly("Slack で告知");
            });
        });
    }

    @Test
    void aBadFrontMatterDateIsIgnoredAndTheMemoStillParses() {
        ParsedNote note = parsed(SampleNotes.BAD_DATE);
        assertThat(note.title()).isEqualTo("Broken date");
        assertThat(note.date()).isNull();
        assertThat(note.events()).singleElement().satisfies(event -> {
            assertThat(event.date()).isNull();
            assertThat(event.talks()).extracting(Talk::title, Talk::speaker).containsExactly(tuple("Talk", "Alice"));
        });
    }

    static int lineOf(String memo, String prefix) {
        List<String> lines = memo.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in the memo");
    }
}
