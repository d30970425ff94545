package dev.notespipeline.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.Evidence;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.enrich.taxonomy.TaxonomyLoader;
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
}
