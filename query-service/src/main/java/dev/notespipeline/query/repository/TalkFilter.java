package dev.notespipeline.query.repository;

import java.time.LocalDate;
import java.util.List;

/**
 * What {@code GET /api/talks} (and its facets) narrows talks by; every part is optional (null or empty).
 *
 * @param topics slugs the talk must all carry
 * @param searchWords the words of {@code q}, already segmented; all must match
 * @param eventId the talk's event
 * @param speaker a case-insensitive substring of the speaker
 * @param speakerName the speaker exactly, as facets and speaker pages name them
 * @param from earliest event date, inclusive
 * @param to latest event date, inclusive
 */
public record TalkFilter(List<String> topics, List<String> searchWords, String eventId, String speaker,
                         String speakerName, LocalDate from, LocalDate to) {

    public TalkFilter {
        topics = topics == null ? List.of() : List.copyOf(topics);
        searchWords = searchWords == null ? List.of() : List.copyOf(searchWords);
    }

    public static TalkFilter none() {
        return new TalkFilter(List.of(), List.of(), null, null, null, null, null);
    }

    public static TalkFilter ofEvent(String eventId) {
        return new TalkFilter(List.of(), List.of(), eventId, null, null, null, null);
    }

    /** Whether every talk matches. */
    public boolean isEmpty() {
        return topics.isEmpty() && searchWords.isEmpty() && eventId == null && speaker == null
                && speakerName == null && from == null && to == null;
    }
}
