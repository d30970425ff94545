package dev.notespipeline.enrich.rest;

import dev.notespipeline.contract.TopicTag;
import java.util.List;

/** The topics a talk would get, with their scores and evidence, and the taxonomy that gave them. */
public record TagPreview(String taxonomyVersion, List<TopicTag> topics) {
}
