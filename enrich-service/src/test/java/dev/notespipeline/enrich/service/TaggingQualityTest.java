package dev.notespipeline.enrich.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.enrich.taxonomy.TaxonomyLoader;
import dev.notespipeline.enrich.taxonomy.TextField;
import dev.notespipeline.enrich.taxonomy.Topic;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Precision and recall of the built-in taxonomy, per topic, on hand-labelled talks (labelled-talks.yaml). */
class TaggingQualityTest {

    private static final double FLOOR = 0.9;

    private final TopicTagger tagger = new TopicTagger(TaxonomyLoader.builtIn());

    @Test
    void everyTopicReachesPrecisionAndRecallOfNinetyPercent() throws IOException {
        List<LabelledTalk> talks = load();
        assertThat(talks).hasSizeGreaterThanOrEqualTo(40);

        Map<String, Tally> tallies = new LinkedHashMap<>();
        tagger.taxonomy().topics().forEach(topic -> tallies.put(topic.slug(), new Tally()));
        List<String> mistakes = new ArrayList<>();
        for (LabelledTalk talk : talks) {
            Set<String> found = new HashSet<>(tagger.tag(talk.fields()).stream().map(TopicTag::slug).toList());
            Set<String> expected = Set.copyOf(talk.expected());
            assertThat(tallies.keySet()).as("labels of '%s'", talk.title()).containsAll(expected);
            tallies.forEach((slug, tally) -> tally.add(expected.contains(slug), found.contains(slug)));
            if (!found.equals(expected)) {
                mistakes.add(talk.title() + ": expected " + expected + ", tagged " + found);
            }
        }

        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%n%d labelled talks%n| topic | talks | precision | recall |%n|---|---|---|---|%n", talks.size()));
        tallies.forEach((slug, tally) -> table.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.2f |%n",
                slug, tally.relevant(), tally.precision(), tally.recall())));
        mistakes.forEach(mistake -> table.append("mistake: ").append(mistake).append('\n'));
        System.out.println(table);

        tallies.forEach((slug, tally) -> {
            assertThat(tally.relevant()).as("labelled talks about %s", slug).isGreaterThanOrEqualTo(3);
            assertThat(tally.precision()).as("precision of %s%s", slug, table).isGreaterThanOrEqualTo(FLOOR);
            assertThat(tally.recall()).as("recall of %s%s", slug, table).isGreaterThanOrEqualTo(FLOOR);
        });
    }

    @Test
    void theLabelledSetNamesOnlyTopicsOfTheTaxonomy() throws IOException {
        Set<String> slugs = new HashSet<>(tagger.taxonomy().topics().stream().map(Topic::slug).toList());
        assertThat(load()).allSatisfy(talk -> assertThat(slugs).containsAll(talk.expected()));
    }

    private static List<LabelledTalk> load() throws IOException {
        try (InputStream in = TaggingQualityTest.class.getResourceAsStream("/labelled-talks.yaml")) {
            return new YAMLMapper().readValue(in, LabelledSet.class).talks();
        }
    }

    record LabelledSet(List<LabelledTalk> talks) {
    }

    record LabelledTalk(String title, String text, String event, List<String> expected) {

        Map<String, String> fields() {
            return Map.of(TextField.TALK_TITLE.key(), title,
                    TextField.TALK_TEXT.key(), text == null ? "" : text,
                    TextField.EVENT_TITLE.key(), event == null ? "" : event);
        }
    }

    /** Counts for one topic: talks labelled with it, talks tagged with it, and both. */
    private static final class Tally {

        private int truePositives;
        private int falsePositives;
        private int falseNegatives;

        void add(boolean expected, boolean found) {
            if (expected && found) {
                truePositives++;
            } else if (found) {
                falsePositives++;
            } else if (expected) {
                falseNegatives++;
            }
        }

        int relevant() {
            return truePositives + falseNegatives;
        }

        double precision() {
            int tagged = truePositives + falsePositives;
            return tagged == 0 ? 0 : (double) truePositives / tagged;
        }

        double recall() {
            return relevant() == 0 ? 0 : (double) truePositives / relevant();
        }
    }
}
