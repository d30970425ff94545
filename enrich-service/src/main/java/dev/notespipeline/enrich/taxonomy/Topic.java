package dev.notespipeline.enrich.taxonomy;

import java.util.List;

/**
 * A topic of the taxonomy.
 *
 * @param slug stable id used in URLs, such as {@code eks}
 * @param label what users read, such as {@code EKS}
 * @param parent slug of the broader topic, or null; a talk tagged with a topic is tagged with its parents too
 * @param terms words that speak of the topic, English and Japanese
 * @param threshold the weighted number of matches a talk needs to be tagged
 */
public record Topic(String slug, String label, String parent, List<String> terms, double threshold) {

    public Topic {
        terms = terms == null ? List.of() : List.copyOf(terms);
    }
}
