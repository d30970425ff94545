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
import java.util.List;
import org.junit.jupiter.api.Test;

class NoteParserTest {

    private final NoteParser parser = new NoteParser();

    static String sampleMemo() {
        return SampleNotes.text(SampleNotes.FY2022);
    }

    private ParsedNote parse(String noteId, String markdown) {
        return parser.parse(noteId, markdown, 1, "hash", Instant.EPOCH);
    }

    @Test
    void sampleMemoHasItsThreeEventsInOrder() {
        ParsedNote note = parse("fy2022-events.md", sampleMemo());
        assertThat(note.events()).extracting(NoteEvent::title).containsExactly(
                "freee Tech Night × Chatwork 「味わい深いEKS運用の世界」",
                "第42回 Tokyo Jazug Night",
                "Observability Lounge 「『監視』の原則と変化」");
        assertThat(note.preamble()).startsWith("FY2022に参加した複数イベントでのメモ。");
        assertThat(note.title()).isEqualTo("fy2022-events");
    }

    @Test
    void jazugNightHasItsNineTalksWithSpeakers() {
        NoteEvent jazug = parse("fy2022-events.md", sampleMemo()).events().get(1);
        assertThat(jazug.talks()).extracting(Talk::title).containsExactly(
                "クラウドマイグレーション成功のコツ",
                "Azure App Service 運用体験談(仮)",
                "Azure で仮想デスクトップを始めよう",
                "Azure Orbital触ってみた",
                "社内Azure勉強会を1年半運営してみて(仮)",
                "Azure SQL MI Link で移行も DR もポチッとな、の時代へ",
                "Azure App ServiceのGo紹介 [2022年12月版]",
                "Azureの学習にオススメな動画コンテンツまとめ",
                "ネットワークを伸ばせどこまでも");
        assertThat(jazug.talks()).extracting(Talk::speaker).containsExactly(
                "Katsuyoshi Sumida", "御成門プログラマー", "@mana_cat", "HiroHata", "小泉 裕",
                "Yuji Masaoka（まっぴぃ）", "Ryuji Iwata", "水島 寛人", null);
    }

    @Test
    void overviewLinksBelongToTheEventAndAreClassified() {
        List<NoteEvent> events = parse("fy2022-events.md", sampleMemo()).events();
        assertThat(events.get(0).links()).containsExactly(
                new Link("youtube", "https://www.youtube.com/watch?v=E486AHQuG7g", "E486AHQuG7g"),
                new Link("connpass", "https://freee-tech-night.connpass.com/event/271198/", "271198"));
        assertThat(events.get(1).links()).extracting(Link::ref).containsExactly("xFKojjzPKik", "267017");
        assertThat(events.get(2).links()).extracting(Link::ref).containsExactly("SHWKYqBpgzY", "247721");
        assertThat(events.get(0).talks()).noneMatch(talk -> talk.title().equals("概要"));
    }

    @Test
    void impressionsAtAnyLevelBelongToTheirEvent() {
        List<NoteEvent> events = parse("fy2022-events.md", sampleMemo()).events();
        assertThat(events.get(0).impressions()).first()
                .satisfies(bullet -> assertThat(bullet.text()).startsWith("シンプルに技術力の差"));
        assertThat(events.get(0).impressions().get(0).children()).hasSize(1);
        assertThat(events.get(1).impressions()).isEmpty();
        assertThat(events.get(2).impressions()).singleElement()
                .satisfies(bullet -> assertThat(bullet.text()).startsWith("脳死で監視実装する"));
        assertThat(events.get(0).talks()).extracting(Talk::title)
                .containsExactly("各社、環境・運用の内容紹介を簡単に。", "discussion");
    }

    @Test
    void observabilityTalksKeepTheirDurationsAndNestedBullets() {
        NoteEvent lounge = parse("fy2022-events.md", sampleMemo()).events().get(2);
        assertThat(lounge.talks()).extracting(Talk::durationMinutes).containsExactly(30, 20);
        Talk keynote = lounge.talks().get(0);
        assertThat(keynote.bullets().get(0).children()).isNotEmpty();
        assertThat(keynote.text()).contains("アンチパターン①：ツール依存").contains("監視対象が抽象化されてきた");
        assertThat(keynote.line()).isEqualTo(lineOf("## 基調講演（30分）"));
    }

    @Test
    void everyTalkOfTheOtherTwoEventsHasItsTitleSpeakerDurationAndKind() {
        List<NoteEvent> events = parse("fy2022-events.md", sampleMemo()).events();
        assertThat(events.get(0).talks()).extracting(Talk::title, Talk::speaker, Talk::durationMinutes, Talk::kind)
                .containsExactly(
                        tuple("各社、環境・運用の内容紹介を簡単に。", null, null, null),
                        tuple("discussion", null, null, null));
        assertThat(events.get(2).talks()).extracting(Talk::title, Talk::speaker, Talk::durationMinutes, Talk::kind)
                .containsExactly(
                        tuple("基調講演「入門 監視 5年を経て変わったこと、変わらないこと」", null, 30, "keynote"),
                        tuple("事例講演「監視戦略の変化とオブザーバビリティ」", null, 20, "case-study"));
    }

    @Test
    void overviewLinksAreTheExactUrlsAndTalksHaveNone() {
        List<NoteEvent> events = parse("fy2022-events.md", sampleMemo()).events();
        assertThat(events.get(1).links()).containsExactly(
                new Link("youtube", "https://www.youtube.com/watch?v=xFKojjzPKik", "xFKojjzPKik"),
                new Link("connpass", "https://jazug.connpass.com/event/267017/", "267017"));
        assertThat(events.get(2).links()).containsExactly(
                new Link("youtube", "https://www.youtube.com/watch?v=SHWKYqBpgzY", "SHWKYqBpgzY"),
                new Link("connpass", "https://forkwell.connpass.com/event/247721/", "247721"));
        assertThat(events).flatExtracting(NoteEvent::talks).flatExtracting(Talk::links).isEmpty();
    }

    @Test
    void eventsAndTalksKnowTheirSourceLines() {
        List<NoteEvent> events = parse("fy2022-events.md", sampleMemo()).events();
        assertThat(events).extracting(NoteEvent::line).containsExactly(
                lineOf("# freee Tech Night"), lineOf("# 第42回 Tokyo Jazug Night"), lineOf("# Observability Lounge"));
        assertThat(events.get(1).talks().get(3).line()).isEqualTo(lineOf("## Azure Orbital触ってみた"));
        assertThat(events.get(2).talks().get(1).line()).isEqualTo(lineOf("## 事例講演（20分）"));
    }

    @Test
    void bothImpressionsSectionsAreCompleteAndNotTalks() {
        List<NoteEvent> events = parse("fy2022-events.md", sampleMemo()).events();
        assertThat(Bullet.plainText(events.get(0).impressions())).isEqualTo("""
                シンプルに技術力の差、エンジニアの空気感の違いを感じる。
                「たとえコストがあっても新しいのやりたい」なんて絶対に出てこない言葉
                「ビジネスインパクト」の話で「リリース速度」で終わるのエンジニアらしいなという感じ。（多分ほんとはその先の話が出てくるとこ）""");
        assertThat(events.get(2).impressions()).singleElement()
                .satisfies(bullet -> assertThat(bullet.text()).endsWith("でも意外とそこまで考えないで項目だけ実装しちゃうことってあるよね多分。"));
        assertThat(events).flatExtracting(NoteEvent::talks).extracting(Talk::title).doesNotContain("雑感");
    }

    @Test
    void editingATalksTextOrSpeakerOrAddingATalkChangesNoOtherId() {
        String memo = sampleMemo();
        ParsedNote first = parse("fy2022-events.md", memo);
        ParsedNote edited = parse("fy2022-events.md", memo
                .replace("* 衛星データを自分で持ってこれるサービスの紹介。", "* 衛星データの話。\n* 追記")
                .replace("HiroHataさん", "Hiro Hataさん")
                .replace("## ネットワークを伸ばせどこまでも", "## 追加のLT\n* new\n\n## ネットワークを伸ばせどこまでも"));
        assertThat(talkIds(edited)).containsAll(talkIds(first)).hasSize(talkIds(first).size() + 1);
        assertThat(edited.events()).extracting(NoteEvent::id)
                .containsExactlyElementsOf(first.events().stream().map(NoteEvent::id).toList());
    }

    @Test
    void unchangedMemoGivesTheSameIdsAndEditingOneTalkKeepsTheOthers() {
        String memo = sampleMemo();
        ParsedNote first = parse("fy2022-events.md", memo);
        ParsedNote again = parse("fy2022-events.md", memo);
        assertThat(talkIds(again)).isEqualTo(talkIds(first));

        ParsedNote edited = parse("fy2022-events.md", memo.replace("Azure Orbital触ってみた", "Azure Orbitalを触った"));
        List<String> before = talkIds(first);
        List<String> after = talkIds(edited);
        assertThat(after).hasSameSizeAs(before);
        int changed = 0;
        for (int i = 0; i < before.size(); i++) {
            if (!before.get(i).equals(after.get(i))) {
                changed++;
            }
        }
        assertThat(changed).isEqualTo(1);
        assertThat(after).doesNotHaveDuplicates();
    }

    @Test
    void aMemoWithoutEventHeadingsIsOneEventNamedAfterTheFile() {
        ParsedNote note = parse("2024/kubecon.md", "## Keynote\tAlice\n* eBPF everywhere\n");
        assertThat(note.events()).singleElement().satisfies(event -> {
            assertThat(event.title()).isEqualTo("kubecon");
            assertThat(event.talks()).extracting(Talk::title, Talk::speaker).containsExactly(
                    tuple("Keynote", "Alice"));
        });
    }

    @Test
    void twoTalksWithTheSameTitleGetDifferentIds() {
        ParsedNote note = parse("lt.md", "# LT night\n## LT\n* one\n## LT\n* two\n");
        assertThat(talkIds(note)).hasSize(2).doesNotHaveDuplicates();
    }

    private static List<String> talkIds(ParsedNote note) {
        return note.events().stream().flatMap(event -> event.talks().stream()).map(Talk::id).toList();
    }

    private static int lineOf(String prefix) {
        List<String> lines = sampleMemo().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i + 1;
            }
        }
        throw new AssertionError(prefix + " not in the sample memo");
    }
}
