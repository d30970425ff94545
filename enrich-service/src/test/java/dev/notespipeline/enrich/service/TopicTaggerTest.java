package dev.notespipeline.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.Evidence;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.enrich.taxonomy.Taxonomy;
import dev.notespipeline.enrich.taxonomy.TaxonomyLoader;
import dev.notespipeline.enrich.taxonomy.Topic;
import dev.notespipeline.parser.fixtures.SampleNotes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private final TopicTagger tagger = new TopicTagger(TaxonomyLoader.builtIn());
    private final EnrichedNote sample = tagger.tag(SampleNotes.parsed(SampleNotes.FY2022, 1));

    private List<String> slugs(Talk talk) {
        return sample.topicsOfTalk(talk.id()).stream().map(TopicTag::slug).toList();
    }

    private NoteEvent event(int index) {
        return sample.note().events().get(index);
    }

    @Test
    void everyJazugTalkIsAzureAndNoneIsEks() {
        assertThat(event(1).talks()).hasSize(9).allSatisfy(talk -> {
            assertThat(slugs(talk)).contains("azure").doesNotContain("eks", "observability");
        });
    }

    @Test
    void theEksNightsTalksAreEksAndKubernetes() {
        assertThat(event(0).talks()).isNotEmpty().allSatisfy(talk ->
                assertThat(slugs(talk)).contains("eks", "kubernetes").doesNotContain("azure"));
    }

    @Test
    void bothObservabilityLoungeTalksAreObservabilityAndNotAzure() {
        assertThat(event(2).talks()).hasSize(2).allSatisfy(talk ->
                assertThat(slugs(talk)).contains("observability").doesNotContain("azure", "eks"));
    }

    @Test
    void everyTagExplainsItself() {
        Talk orbital = event(1).talks().get(3);
        TopicTag azure = sample.topicsOfTalk(orbital.id()).stream()
                .filter(tag -> tag.slug().equals("azure")).findFirst().orElseThrow();
        assertThat(azure.evidence()).contains(new Evidence("Azure", "talk.title", 1), new Evidence("JAZUG", "event.title", 1));
        assertThat(azure.score()).isBetween(0.5, 1.0);
        assertThat(sample.taxonomyVersion()).isEqualTo(tagger.taxonomy().version());
    }

    @Test
    void asciiTermsMatchWholeWordsOnlyAndScriptChangesAreBoundaries() {
        assertThat(tagger.tag(Map.of("talk.title", "Three weeks of speaking"))).isEmpty();
        assertThat(tagger.tag(Map.of("talk.title", "EKS運用の世界"))).extracting(TopicTag::slug).contains("eks");
        assertThat(tagger.tag(Map.of("talk.title", "Ａｚｕｒｅの学習"))).extracting(TopicTag::slug).contains("azure");
    }

    @Test
    void oneTalksTextNeverLeaksIntoItsSibling() {
        Talk plain = event(1).talks().get(0);
        assertThat(sample.topicsOfTalk(plain.id())).extracting(TopicTag::slug).containsExactly("azure");
    }

    private List<String> slugsOf(String title, String text) {
        return tagger.tag(Map.of("talk.title", title, "talk.text", text)).stream().map(TopicTag::slug).toList();
    }

    @Test
    void japaneseTermsMatchOnKuromojiWordBoundaries() {
        assertThat(slugsOf("監視戦略の変化", "")).contains("observability");
        assertThat(slugsOf("オライリー監視本を読む", "")).contains("observability");
        assertThat(slugsOf("監査ログの保管", "")).doesNotContain("observability");
        assertThat(slugsOf("オブザーバビリティ入門", "")).contains("observability");
    }

    @Test
    void aTermOfSeveralWordsMatchesTheSameRunOfWordsWhateverTheSpacing() {
        TopicTag eks = tagger.tag(Map.of("talk.title", "Running Amazon\u3000 EKS")).stream()
                .filter(tag -> tag.slug().equals("eks")).findFirst().orElseThrow();
        assertThat(eks.evidence()).containsExactly(new Evidence("Amazon EKS", "talk.title", 1));
        assertThat(slugsOf("Amazonで買った本", "")).isEmpty();
    }

    @Test
    void aWeakTermAloneTagsNothingButCountsBesideAStrongOne() {
        assertThat(slugsOf("アラートが鳴りやまない", "アラート アラート アラート")).doesNotContain("observability");
        TopicTag observability = tagger.tag(Map.of("talk.title", "SLOとアラート")).stream()
                .filter(tag -> tag.slug().equals("observability")).findFirst().orElseThrow();
        assertThat(observability.evidence()).containsExactly(
                new Evidence("SLO", "talk.title", 1), new Evidence("アラート", "talk.title", 1));
        assertThat(slugsOf("Lambda式の使いどころ", "Javaのlambda")).isEmpty();
        assertThat(slugsOf("サーバーレスなbot", "Lambdaで作ってS3に保存")).containsExactly("aws");
    }

    @Test
    void aPassingMentionInLongNotesIsNotTheTalksTopic() {
        String notes = "Istio\n  Traffic Management\n  Security Management\n  Observability\n社内でのIstio活用ケース\n100+ Nodes";
        assertThat(slugsOf("Istioの嬉しさと注意点", notes)).containsExactly("kubernetes");
        assertThat(slugsOf("質疑応答", "Service Fabric\nIn addition to SF, see interest in partners. OpenShift, PCF, K8S\nCosmos DB"))
                .doesNotContain("kubernetes");
        assertThat(slugsOf("Production Ready", "CICD\nMonitoring\nHealthCheck\nConfig Injection")).doesNotContain("observability");
    }

    @Test
    void notesThatOpenWithATopicOrAreMostlyAboutItAreTaggedWithIt() {
        assertThat(slugsOf("決戦用センチネル", "Microsoft Azure Sentinel\nSIEM as a Service\nSOAR\n監査ログ")).contains("azure");
        assertThat(slugsOf("移行の振り返り", "基幹系をオンプレからEKSに移行した")).contains("eks");
        assertThat(slugsOf("Tracing at scale", "Jaeger\nOpenTelemetry\nsampling")).contains("observability");
    }

    @Test
    void anExcludeTermHidesTheTermsInsideIt() {
        assertThat(slugsOf("ラズパイで監視カメラを作った", "")).doesNotContain("observability");
    }

    @Test
    void aksIsAzureAndKubernetesButNeverEks() {
        assertThat(slugsOf("AKSで始めるクラスタ運用", "")).containsExactly("kubernetes", "aks", "azure");
        assertThat(slugsOf("Azure DevOpsでCI/CD", "")).containsExactly("azure");
    }

    @Test
    void aParentTakesItsChildsScoreAndEvidenceBesideItsOwn() {
        List<TopicTag> tags = tagger.tag(Map.of("talk.title", "EKSとkubectl"));
        TopicTag kubernetes = tags.stream().filter(tag -> tag.slug().equals("kubernetes")).findFirst().orElseThrow();
        TopicTag eks = tags.stream().filter(tag -> tag.slug().equals("eks")).findFirst().orElseThrow();
        assertThat(kubernetes.evidence()).contains(new Evidence("kubectl", "talk.title", 1), new Evidence("EKS", "talk.title", 1));
        assertThat(kubernetes.score()).isEqualTo(Math.max(kubernetes.score(), eks.score()));
    }

    @Test
    void everyAncestorIsTaggedWithTheEvidenceGatheredBelowIt() {
        Taxonomy chain = new Taxonomy("v", Map.of("talk.title", 2.0), List.of(
                new Topic("cloud", "Cloud", null, List.of("cloud"), List.of(), List.of(), 2, Map.of()),
                new Topic("kubernetes", "Kubernetes", "cloud", List.of("kubectl"), List.of(), List.of(), 2, Map.of()),
                new Topic("eks", "EKS", "kubernetes", List.of("EKS"), List.of(), List.of(), 2, Map.of())));
        List<TopicTag> tags = new TopicTagger(chain).tag(Map.of("talk.title", "EKS and kubectl"));
        assertThat(tags).extracting(TopicTag::slug).containsExactly("cloud", "kubernetes", "eks");
        assertThat(tags.get(0).evidence()).containsExactlyInAnyOrder(
                new Evidence("kubectl", "talk.title", 1), new Evidence("EKS", "talk.title", 1));
    }

    @Test
    void aTalkTitleWeighsMoreThanItsTextAndItsTextMoreThanTheImpressions() {
        double title = scoreOf(Map.of("talk.title", "Prometheus"));
        double text = scoreOf(Map.of("talk.text", "Prometheus\nscrape intervals\nrecording rules"));
        double impressions = scoreOf(Map.of("event.impressions", "Prometheus\nPrometheus again\nmore Prometheus\nPrometheus!"));
        assertThat(title).isGreaterThan(text);
        assertThat(tagger.tag(Map.of("event.impressions", "Prometheus"))).isEmpty();
        assertThat(impressions).isPositive();
    }

    private double scoreOf(Map<String, String> fields) {
        return tagger.tag(fields).stream().filter(tag -> tag.slug().equals("observability"))
                .findFirst().map(TopicTag::score).orElse(0.0);
    }

    @Test
    void aTalkWithNoTopicStillHasAnEntryAndTheNoteTheTaxonomyVersion() {
        Talk plain = new Talk("t1", "チームビルディングの失敗談", null, null, null, 3, List.of(), List.of(), "1on1の運用", null, null, null);
        NoteEvent meetup = new NoteEvent("e1", "EM勉強会", null, 1, List.of(), List.of(), List.of(plain), List.of(), List.of());
        EnrichedNote note = tagger.tag(new ParsedNote(1, "em.md", 1, "hash", null, null, List.of(), "", List.of(meetup), null, 1, null));
        assertThat(note.talkTopics()).containsEntry("t1", List.of());
        assertThat(note.taxonomyVersion()).isEqualTo(tagger.taxonomy().version()).isNotBlank();
    }

    /** Tagging reads a talk's title and text and its event's fields; who the speaker works for is not its topic. */
    @Test
    void aSpeakersAffiliationNeverCountsForTopics() {
        Talk byAnAwsEngineer = new Talk("t1", "チームビルディングの失敗談", "Jane Doe (AWS)", null, null, 3, List.of(),
                List.of(), "1on1の運用", "AWS / Microsoft Azure", null, null);
        Talk aboutAws = new Talk("t2", "AWSで作るチーム", "Jane Doe", null, null, 9, List.of(), List.of(), "", "Acme",
                null, null);
        NoteEvent meetup = new NoteEvent("e1", "EM勉強会", null, 1, List.of(), List.of(),
                List.of(byAnAwsEngineer, aboutAws), List.of(), List.of());
        EnrichedNote note = tagger.tag(new ParsedNote(2, "em.md", 1, "hash", null, null, List.of(), "",
                List.of(meetup), null, 1, null));
        assertThat(note.topicsOfTalk("t1")).isEmpty();
        assertThat(note.topicsOfTalk("t2")).extracting(TopicTag::slug).containsExactly("aws");
    }
}
