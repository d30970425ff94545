package dev.notespipeline.query.service;

import dev.notespipeline.contract.EnrichedNote;

/** One record of {@code notes.enriched}: a note version to store, or a tombstone. */
public sealed interface NoteChange {

    String noteId();

    record Store(EnrichedNote enriched) implements NoteChange {
        @Override
        public String noteId() {
            return enriched.note().noteId();
        }
    }

    record Delete(String noteId) implements NoteChange {
    }
}
