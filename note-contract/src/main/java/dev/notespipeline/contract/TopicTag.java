package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/**
 * A topic given to a talk or an event, with why.
 *
 * @param slug the topic's stable id, such as {@code eks}
 * @param label what users read, such as {@code EKS}
 * @param parent the parent topic's slug, or null
 * @param score from 0 to 1
 * @param evidence the matches that earned the tag; a tag inherited from a child topic carries the child's
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopicTag(String slug, String label, String parent, double score, List<Evidence> evidence) {

    public TopicTag {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
