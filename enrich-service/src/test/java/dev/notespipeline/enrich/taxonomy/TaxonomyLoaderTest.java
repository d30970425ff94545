package dev.notespipeline.enrich.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TaxonomyLoaderTest {

    private static Taxonomy parse(String yaml) {
        return TaxonomyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void theBuiltInTaxonomyHasTheTopicsUsersFilterBy() {
        Taxonomy taxonomy = TaxonomyLoader.builtIn();
        assertThat(taxonomy.topics()).extracting(Topic::slug).contains("eks", "azure", "observability", "kubernetes", "aws");
        assertThat(taxonomy.topic("eks").orElseThrow().parent()).isEqualTo("kubernetes");
        assertThat(taxonomy.topic("observability").orElseThrow().weakTerms()).contains("アラート", "メトリクス");
    }

    @Test
    void theVersionFollowsTheContent() {
        String yaml = "topics:\n  - {slug: a, label: A, threshold: 1, terms: [x]}\n";
        assertThat(parse(yaml).version()).isEqualTo(parse(yaml).version());
        assertThat(parse(yaml + "# edited\n").version()).isNotEqualTo(parse(yaml).version());
    }

    @Test
    void aTopicMayWeighFieldsItsOwnWay() {
        Taxonomy taxonomy = parse("""
                fieldWeights: {talk.title: 3, talk.text: 1}
                topics:
                  - {slug: a, label: A, threshold: 1, terms: [x], fieldWeights: {talk.text: 0}}
                """);
        Topic topic = taxonomy.topic("a").orElseThrow();
        assertThat(taxonomy.weight(topic, "talk.title")).isEqualTo(3.0);
        assertThat(taxonomy.weight(topic, "talk.text")).isZero();
    }

    @Test
    void aBrokenTaxonomySaysWhatIsWrong() {
        assertThatThrownBy(() -> parse("topics:\n  - {slug: a, label: A, threshold: 1, terms: [x], parent: b}\n"))
                .isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("unknown parent 'b'");
        assertThatThrownBy(() -> parse("""
                topics:
                  - {slug: a, label: A, threshold: 1, terms: [x], parent: b}
                  - {slug: b, label: B, threshold: 1, terms: [y], parent: a}
                """)).isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("its own ancestor");
        assertThatThrownBy(() -> parse("topics:\n  - {slug: a, label: A, threshold: 1, terms: [x], weakTerms: [X]}\n"))
                .isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("twice");
        assertThatThrownBy(() -> parse("topics:\n  - {slug: a, label: A, threshold: 1, weakTerms: [x]}\n"))
                .isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("weak terms never count alone");
        assertThatThrownBy(() -> parse("topics:\n  - {slug: a, label: A, threshold: 1, terms: ['・・・']}\n"))
                .isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("without a word");
        assertThatThrownBy(() -> parse("fieldWeights: {talk.body: 1}\ntopics:\n  - {slug: a, label: A, threshold: 1, terms: [x]}\n"))
                .isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("unknown field 'talk.body'");
        assertThatThrownBy(() -> parse("topics:\n  - {slug: a, label: A, threshold: 1, terms: [x], synonyms: [y]}\n"))
                .isInstanceOf(InvalidTaxonomyException.class).hasMessageContaining("not a valid taxonomy");
    }
}
