package dev.notespipeline.enrich.messaging;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.TopicTag;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Counts tagged talks per topic at {@code /q/metrics}: {@code enrich_talks_total} and
 * {@code enrich_talks_tagged_total{topic="eks"}}. A sudden drop for one topic after a taxonomy change shows a
 * term went missing. Re-tagging counts again: these count taggings, not distinct talks.
 */
@ApplicationScoped
public class TaggingMetrics {

    @Inject
    MeterRegistry registry;

    void record(EnrichedNote note) {
        for (List<TopicTag> tags : note.talkTopics().values()) {
            registry.counter("enrich.talks").increment();
            tags.forEach(tag -> registry.counter("enrich.talks.tagged", "topic", tag.slug()).increment());
        }
    }
}
