package dev.notespipeline.enrich.taxonomy;

import java.util.List;
import java.util.Map;

/**
 * A topic of the taxonomy.
 *
 * @param slug stable id used in URLs, such as {@code eks}
 * @param label what users read, such as {@code EKS}
 * @param parent slug of the broader topic, or null; a talk tagged with a topic is tagged with its parents too
 * @param terms words that speak of the topic on their own, English and Japanese
 * @param weakTerms words too ambiguous to count alone (アラート, Lambda...): they add to the score only when one of
 *     {@code terms} matched in the same talk
 * @param excludeTerms phrases that contain a term but do not speak of the topic (監視カメラ is not monitoring):
 *     where one occurs, the terms inside it are not counted
 * @param threshold the weighted number of matches a talk needs to be tagged
 * @param fieldWeights weights that replace the taxonomy's for this topic only, per field key; may be empty
 */
public record Topic(
        String slug,
        String label,
        String parent,
        List<String> terms,
        List<String> weakTerms,
        List<String> excludeTerms,
        double threshold,
        Map<String, Double> fieldWeights) {

    public Topic {
        terms = terms == null ? List.of() : List.copyOf(terms);
        weakTerms = weakTerms == null ? List.of() : List.copyOf(weakTerms);
        excludeTerms = excludeTerms == null ? List.of() : List.copyOf(excludeTerms);
        fieldWeights = fieldWeights == null ? Map.of() : Map.copyOf(fieldWeights);
    }
}
