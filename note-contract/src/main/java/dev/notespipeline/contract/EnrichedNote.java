package dev.notespipeline.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;

/**
 * A parsed note with its topics; the value of {@code notes.enriched}, keyed by the note id.
 *
 * @param schemaVersion the contract version this record was written with
 * @param note the note as ingest published it
 * @param taxonomyVersion the taxonomy every tag was checked against, also when no topic applied
 * @param talkTopics topics per talk id; every talk of the note has an entry, empty when nothing applied
 * @param eventTopics topics per event id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichedNote(
        int schemaVersion,
        ParsedNote note,
        String taxonomyVersion,
        Map<String, List<TopicTag>> talkTopics,
        Map<String, List<TopicTag>> eventTopics) {

    public EnrichedNote {
        talkTopics = talkTopics == null ? Map.of() : Map.copyOf(talkTopics);
        eventTopics = eventTopics == null ? Map.of() : Map.copyOf(eventTopics);
    }

    public List<TopicTag> topicsOfTalk(String talkId) {
        return talkTopics.getOrDefault(talkId, List.of());
    }

    public List<TopicTag> topicsOfEvent(String eventId) {
        return eventTopics.getOrDefault(eventId, List.of());
    }
}
