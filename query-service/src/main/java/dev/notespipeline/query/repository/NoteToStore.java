package dev.notespipeline.query.repository;

import dev.notespipeline.contract.EnrichedNote;
import java.util.Map;

/**
 * A note version to write, with the search text of each of its talks (title, speaker, text and event title as words).
 */
public record NoteToStore(EnrichedNote enriched, Map<String, String> searchTextByTalk) {
}
