package dev.notespipeline.query.repository;

import java.time.LocalDate;

/** Where a talk stands in the talk order (newest event first, then source order): what a keyset cursor holds. */
public record TalkPosition(LocalDate sortDate, String noteId, int eventPosition, int position, String id) {
}
