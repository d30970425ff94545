package dev.notespipeline.query.repository;

import dev.notespipeline.contract.Evidence;
import java.util.List;

/** A topic of a talk with its score and the matches that earned it. */
public record TopicEvidence(String slug, String label, double score, List<Evidence> evidence) {

    public TopicEvidence {
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }
}
