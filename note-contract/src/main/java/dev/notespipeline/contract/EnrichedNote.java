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
 * @param talkSearchText the words full-text search covers, per talk id: title, speaker, affiliation, session code,
 *     event title and text as Kuromoji's words joined by spaces (note-text's {@code SearchText}), segmented once by
 *     enrich-service so query-service stores them as they are; null in records of an enrich-service from before it
 *     carried them (added to contract version 2 as an optional field, so older readers ignore it)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EnrichedNote(
        int schemaVersion,
        ParsedNote note,
        String taxonomyVersion,
        Map<String, List<TopicTag>> talkTopics,
        Map<String, List<TopicTag>> eventTopics,
        Map<String, String> talkSearchText) {

    public EnrichedNote {
        talkTopics = talkTopics == null ? Map.of() : Map.copyOf(talkTopics);
        eventTopics = eventTopics == null ? Map.of() : Map.copyOf(eventTopics);
        talkSearchText = talkSearchText == null ? null : Map.copyOf(talkSearchText);
    }

    /** Without search text, as records written before it was carried. */
    public EnrichedNote(int schemaVersion, ParsedNote note, String taxonomyVersion,
            Map<String, List<TopicTag>> talkTopics, Map<String, List<TopicTag>> eventTopics) {
        this(schemaVersion, note, taxonomyVersion, talkTopics, eventTopics, null);
    }

    /** This record carrying {@code searchText}, per talk id. */
    public EnrichedNote withTalkSearchText(Map<String, String> searchText) {
        return new EnrichedNote(schemaVersion, note, taxonomyVersion, talkTopics, eventTopics, searchText);
    }

    public List<TopicTag> topicsOfTalk(String talkId) {
        return talkTopics.getOrDefault(talkId, List.of());
    }

    public List<TopicTag> topicsOfEvent(String eventId) {
        return eventTopics.getOrDefault(eventId, List.of());
    }
}
