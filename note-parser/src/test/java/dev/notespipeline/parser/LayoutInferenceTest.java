package dev.notespipeline.parser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.notespipeline.contract.LayoutReport.LayoutDecision;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Segment;
import dev.notespipeline.contract.Talk;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the parser reads memos laid out in other ways than ours, each rule on a small memo of its own. */
class LayoutInferenceTest {

    private final NoteParser parser = new NoteParser();

    private ParsedNote parse(String noteId, String markdown) {
        return parser.parse(noteId, markdown, 1, "hash", Instant.EPOCH);
    }

    private List<Talk> talks(String markdown) {
        return parse("m.md", markdown).events().stream().flatMap(event -> event.talks().stream()).toList();
    }

    @Test
    void talksUnderGroupingHeadingsAreTheDeeperHeadingsWithTheGroupAsTrack() {
        ParsedNote note = parse("c.md", """
                # Cloud Day 2024
                ## Keynote
                ### 10:00 - 10:30 Platform engineering
                [Jane Doe（@jane）さん](https://twitter.com/jane)
                * notes
                #### Demo
                * a demo inside the talk
                ## Sessions
                ### 11:00-11:40 Kafka at scale
                ### 13:00-13:40 Observability for all
                """);
        NoteEvent event = note.events().get(0);
        assertThat(event.talks()).extracting(Talk::title, Talk::speaker, Talk::track).containsExactly(
                tuple("Platform engineering", "Jane Doe", "Keynote"),
                tuple("Kafka at scale", null, "Sessions"),
                tuple("Observability for all", null, "Sessions"));
        assertThat(event.talks().get(0).text()).contains("Demo").contains("a demo inside the talk");
        assertThat(note.layout().talkUnit()).isEqualTo("h3");
        assertThat(note.layout().decisions()).extracting(LayoutDecision::text, LayoutDecision::role).contains(
                tuple("Keynote", "group"), tuple("Sessions", "group"), tuple("Demo", "content"));
    }

    @Test
    void groupNamesAloneMakeTheDeeperHeadingsTalksWhenNothingElseMarksThem() {
        List<Talk> talks = talks("""
                # Meetup
                ## LT枠
                ### Rust in production
                * fast
                ### Go generics
                * handy
                """);
        assertThat(talks).extracting(Talk::title, Talk::track).containsExactly(
                tuple("Rust in production", "LT枠"), tuple("Go generics", "LT枠"));
    }

    @Test
    void timeSlotsNumbersCodesLevelsAndEmojiLeaveTheTitle() {
        List<Talk> talks = talks("""
                # Summit
                ## 10:00-10:40 Serverless patterns
                ## 2. GitOps in practice
                ## CON310 - Breaking containers
                ## Deep dive into EKS (Level 300)
                ## ⭐⭐⭐ Cost optimisation
                """);
        assertThat(talks).extracting(Talk::title).containsExactly("Serverless patterns", "GitOps in practice",
                "Breaking containers", "Deep dive into EKS", "Cost optimisation");
        assertThat(talks.get(2).code()).isEqualTo("CON310");
    }

    @Test
    void speakersOnTheLineBelowTheHeadingInEveryCommonForm() {
        List<Talk> talks = talks("""
                # SRE night
                ## SLO入門
                LINE @matsumanaさん

                * SLI
                ## Scaling Kafka
                By Jane Doe, SRE @ Acme

                ## Tracing everything
                *Speaker: John Smith, Example Corp*

                ## 監視の話
                登壇者：山田さん
                ## Chaos on AWS
                Adrian Cockcroft - VP Cloud Architecture Strategy, Amazon Web Services
                Ana Medina - Chaos Engineer, Gremlin

                ## 発表の話
                小島さん！
                """);
        assertThat(talks).extracting(Talk::speaker, Talk::affiliation).containsExactly(
                tuple("@matsumana", "LINE"),
                tuple("Jane Doe", "Acme"),
                tuple("John Smith", "Example Corp"),
                tuple("山田", null),
                tuple("Adrian Cockcroft / Ana Medina", "Amazon Web Services / Gremlin"),
                tuple("小島", null));
    }

    @Test
    void speakersInTheHeadingAfterADashOrABarButASubtitleStaysInTheTitle() {
        List<Talk> talks = talks("""
                # Night
                ## Observability at scale - Jane Doe
                ## Kafka streams | John Smith @ Confluent
                ## Scaling Prometheus — Jane Roe, Booking.com
                ## 創るものから活用するものへ -価値を生み出すOperatorの力-
                ## Kubernetes - The Hard Way
                """);
        assertThat(talks).extracting(Talk::title, Talk::speaker, Talk::affiliation).containsExactly(
                tuple("Observability at scale", "Jane Doe", null),
                tuple("Kafka streams", "John Smith", "Confluent"),
                tuple("Scaling Prometheus", "Jane Roe", "Booking.com"),
                tuple("創るものから活用するものへ -価値を生み出すOperatorの力-", null, null),
                tuple("Kubernetes - The Hard Way", null, null));
    }

    @Test
    void breaksGreetingsPartiesAndAnnouncementsAreSegmentsNotTalks() {
        NoteEvent event = parse("f.md", """
                # FukuokaJS
                ## あいさつ
                ## TypeScript の型\tponday
                * types
                ## 休憩（10分）
                ## イベント告知タイム
                * 次回は7月
                ## Booths
                ## 懇親会
                """).events().get(0);
        assertThat(event.talks()).extracting(Talk::title).containsExactly("TypeScript の型");
        assertThat(event.segments()).extracting(Segment::title, Segment::role).containsExactly(
                tuple("あいさつ", "greeting"), tuple("休憩", "break"), tuple("イベント告知タイム", "announcement"),
                tuple("Booths", "booth"), tuple("懇親会", "party"));
        assertThat(event.segments().get(2).bullets()).extracting(b -> b.text()).containsExactly("次回は7月");
    }

    @Test
    void overviewAndImpressionsUnderOtherNames() {
        ParsedNote note = parse("k.md", """
                ---
                title: Kubernetes Meetup Tokyo #21
                ---
                ## はじめに
                [connpass](https://k8sjp.connpass.com/event/138375/)に参加しました。
                ## セッション
                ### 1. Argo の最新動向
                登壇者：Daisuke Taniwaki ([@dtaniwaki](https://twitter.com/dtaniwaki)), Preferred Networks, Inc.
                ### 2. SealedSecret とは
                登壇者：Ryuichi Ito ([@amaya382](https://twitter.com/amaya382)), SAKURA internet Inc.
                ## まとめ
                GitOps の話が多かった。
                ## 関連レポート
                * [another report](https://example.com/r)
                """);
        NoteEvent event = note.events().get(0);
        assertThat(event.title()).isEqualTo("Kubernetes Meetup Tokyo #21");
        assertThat(event.links()).extracting(link -> link.ref()).contains("138375");
        assertThat(event.talks()).extracting(Talk::title, Talk::speaker, Talk::affiliation).containsExactly(
                tuple("Argo の最新動向", "Daisuke Taniwaki", "Preferred Networks, Inc."),
                tuple("SealedSecret とは", "Ryuichi Ito", "SAKURA internet Inc."));
        assertThat(event.impressions()).extracting(b -> b.text()).containsExactly("GitOps の話が多かった。");
        assertThat(event.segments()).extracting(Segment::title).containsExactly("関連レポート");
        assertThat(note.layout().eventSource()).isEqualTo("front-matter");
    }

    @Test
    void topHeadingsThatNameSpeakersAreTalksOfOneEventNamedByTheFile() {
        ParsedNote note = parse("KubeCon-2017/Day-1-keynote.md", """
                # Dan Kohn - Exec Dir - CNCF
                * 14 projects
                ## Hong Tang - Chief Architect - Alibaba Cloud
                * cloud
                ## Hong Tang - Chief Architect - Alibaba Cloud
                * the same notes pasted again
                # Michelle Noorali, Sr S/w eng, Azure
                * Helm
                # Open Tracing
                * Jaeger
                """);
        assertThat(note.events()).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("Day-1-keynote");
            assertThat(event.talks()).extracting(Talk::title, Talk::speaker, Talk::affiliation).containsExactly(
                    tuple(null, "Dan Kohn", "CNCF"),
                    tuple(null, "Hong Tang", "Alibaba Cloud"),
                    tuple(null, "Michelle Noorali", "Azure"),
                    tuple("Open Tracing", null, null));
            assertThat(event.talks().get(1).text()).contains("cloud").contains("the same notes pasted again");
        });
        assertThat(note.layout().talkUnit()).isEqualTo("h1");
    }

    @Test
    void aMemoWithoutHeadingsWhoseFirstLineIsASessionIsOneTalk() {
        ParsedNote note = parse("11_26-mon/CON310-Breaking_Containers.md", """
                CON310 - Breaking Containers: Chaos Engineering on AWS

                In this session we introduce chaos engineering.

                Adrian Cockcroft - VP Cloud Architecture Strategy, Amazon Web Services
                Ana Medina - Chaos Engineer, Gremlin

                ############
                ############

                * experiments
                """);
        NoteEvent event = note.events().get(0);
        assertThat(event.talks()).singleElement().satisfies(talk -> {
            assertThat(talk.title()).isEqualTo("Breaking Containers: Chaos Engineering on AWS");
            assertThat(talk.code()).isEqualTo("CON310");
            assertThat(talk.speaker()).isEqualTo("Adrian Cockcroft / Ana Medina");
            assertThat(talk.text()).contains("experiments").doesNotContain("####");
        });
        assertThat(note.layout().talkUnit()).isEqualTo("first-line");
    }

    @Test
    void aFirstBulletWithItsSpeakersBelowItIsOneTalk() {
        List<Talk> talks = talks("""
                * Open Q&A on Azure
                    * Mark Russinovich
                      * CTO of Azure
                    * Corey Sanders
                * Questions
                  * What about Azure Stack?
                """);
        assertThat(talks).singleElement().satisfies(talk -> {
            assertThat(talk.title()).isEqualTo("Open Q&A on Azure");
            assertThat(talk.speaker()).isEqualTo("Mark Russinovich / Corey Sanders");
            assertThat(talk.text()).contains("What about Azure Stack?");
        });
    }

    @Test
    void aSentenceThatSaysWhoGaveTheTalk() {
        List<Talk> talks = talks("""
                ---
                title: Meetup - September 2018 - EKS
                ---
                Introduction to Amazon EKS was conducted by [Dijeesh Padinharethil](https://example.com/d), co-organizer.

                * Kubernetes in AWS
                """);
        assertThat(talks).extracting(Talk::title, Talk::speaker)
                .containsExactly(tuple("Introduction to Amazon EKS", "Dijeesh Padinharethil"));
    }

    @Test
    void aMemoWithoutHeadingsOrSessionsStaysOneEventWithoutTalks() {
        ParsedNote note = parse("n.md", "* 登壇資料は後で共有される\n* 懇親会あり\n");
        assertThat(note.events()).singleElement().satisfies(event -> assertThat(event.talks()).isEmpty());
        assertThat(note.layout().talkUnit()).isEqualTo("none");
    }

    @Test
    void datesFromTheTextOrThePathWhenTheFrontMatterHasNone() {
        assertThat(parse("a.md", "# SRE meetup #1\n\n2019/03/13 Wed\n\n## Talk\n").events().get(0).date())
                .isEqualTo(LocalDate.of(2019, 3, 13));
        assertThat(parse("b.md", "# Night\n\nMarch 13, 2019 at Acme\n").events().get(0).date())
                .isEqualTo(LocalDate.of(2019, 3, 13));
        assertThat(parse("c.md", "# 2019年3月13日 勉強会\n").events().get(0).date()).isEqualTo(LocalDate.of(2019, 3, 13));
        assertThat(parse("_posts/2022-08-24-growing-on-aws.md", "## Talk\tAlice\n").events().get(0).date())
                .isEqualTo(LocalDate.of(2022, 8, 24));
    }

    @Test
    void aGenericFileNameLetsTheFolderNameTheEvent() {
        assertThat(parse("2019/0313-SRE-meetup-at-Fukuoka-01/README.md", "## Talk\tAlice\n").events().get(0).title())
                .isEqualTo("0313-SRE-meetup-at-Fukuoka-01");
    }

    @Test
    void theFrontMatterLayoutHintOverridesTheInference() {
        String memo = """
                ---
                title: Conf
                layout: talks=h3
                ---
                ## Kafka
                ### Producers
                ### Consumers
                """;
        assertThat(talks(memo)).extracting(Talk::title, Talk::track)
                .containsExactly(tuple("Producers", "Kafka"), tuple("Consumers", "Kafka"));
        assertThat(talks(memo.replace("layout: talks=h3\n", ""))).extracting(Talk::title).containsExactly("Kafka");
        ParsedNote hinted = parse("h.md", memo);
        assertThat(hinted.layout().override()).isEqualTo("talks=h3");
        assertThat(hinted.layout().summary()).contains("layout hint 'talks=h3'");
    }

    @Test
    void aHintThatDoesNotReadIsReportedAndIgnored() {
        ParsedNote note = parse("h.md", "---\nlayout: talks=tables\n---\n# Night\n## Talk\n");
        assertThat(note.events().get(0).talks()).extracting(Talk::title).containsExactly("Talk");
        assertThat(note.layout().summary()).contains("not understood");
    }

    @Test
    void theReportSaysWhatEachHeadingWasAndWhy() {
        ParsedNote note = parse("r.md", "# Night\n## 概要\n## Kafka 101\tAlice\n## 懇親会\n## 雑感\n");
        assertThat(note.parserVersion()).isEqualTo(NoteParser.VERSION);
        assertThat(note.layout().talkUnit()).isEqualTo("h2");
        assertThat(note.layout().eventSource()).isEqualTo("heading");
        assertThat(note.layout().decisions()).extracting(LayoutDecision::line, LayoutDecision::role, LayoutDecision::reason)
                .containsExactly(
                        tuple(1, "event", "# heading"),
                        tuple(2, "overview", "named like an overview"),
                        tuple(3, "talk", "speaker in the heading"),
                        tuple(4, "segment", "party"),
                        tuple(5, "impressions", "named like the writer's impressions"));
        assertThat(note.layout().summary()).isEqualTo("1 event from # headings; 1 talk from ## headings; 1 heading is not a talk");
    }

    @Test
    void aTableOfSessionsGivesATalkARow() {
        ParsedNote note = parse("t.md", """
                # Tech Night
                ## タイムテーブル
                | 時間 | タイトル | 登壇者 | 所属 |
                |---|---|---|---|
                | 19:00 | Kafka 入門 | 山田さん | Acme |
                | 19:30 | 休憩 | | |
                | 19:40 | EKS の運用 | 佐藤 | Example |
                """);
        NoteEvent event = note.events().get(0);
        assertThat(event.talks()).extracting(Talk::title, Talk::speaker, Talk::affiliation, Talk::line).containsExactly(
                tuple("Kafka 入門", "山田", "Acme", 5), tuple("EKS の運用", "佐藤", "Example", 7));
        assertThat(note.layout().talkUnit()).isEqualTo("table");
    }

    @Test
    void aListOfSessionsGivesATalkAnItem() {
        List<Talk> talks = talks("""
                # LT night
                * Rust で CLI - 山田さん
                  * clap が便利
                * Go の generics (@gopher)
                * 懇親会
                """);
        assertThat(talks).extracting(Talk::title, Talk::speaker).containsExactly(
                tuple("Rust で CLI", "山田"), tuple("Go の generics", "@gopher"));
        assertThat(talks.get(0).text()).isEqualTo("clap が便利");
    }

    @Test
    void topHeadingsWithNotesButNothingBelowThemAreTalksOfTheMemo() {
        ParsedNote note = parse("day-1.md", """
                ---
                title: KubeCon day 1
                ---
                # Envoy
                * edge proxy
                # gRPC
                * RPC framework
                """);
        assertThat(note.events()).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("KubeCon day 1");
            assertThat(event.talks()).extracting(Talk::title).containsExactly("Envoy", "gRPC");
        });
    }
}
