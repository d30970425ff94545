package dev.notespipeline.enrich.taxonomy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The topics talks are tagged with, and how much a match weighs in each field.
 *
 * @param version derived from the file's content: a changed taxonomy has a new version
 * @param fieldWeights weight of one match per field key (talk.title, talk.text, event.title, event.overview,
 *     event.impressions); a field without a weight does not count
 * @param topics every topic, parents included
 */
public record Taxonomy(String version, Map<String, Double> fieldWeights, List<Topic> topics) {

    public Taxonomy {
        fieldWeights = Map.copyOf(fieldWeights);
        topics = List.copyOf(topics);
    }

    public Optional<Topic> topic(String slug) {
        return topics.stream().filter(topic -> topic.slug().equals(slug)).findFirst();
    }

    /** The weight of one match of a term of {@code topic} in {@code field}: the topic's own, else the taxonomy's. */
    public double weight(Topic topic, String field) {
        Double own = topic.fieldWeights().get(field);
        return own != null ? own : fieldWeights.getOrDefault(field, 0.0);
    }
}
