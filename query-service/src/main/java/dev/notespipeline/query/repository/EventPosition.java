package dev.notespipeline.query.repository;

import java.time.LocalDate;

/** Where an event stands in the event order (newest first, then source order): what a keyset cursor holds. */
public record EventPosition(LocalDate sortDate, String noteId, int position, String id) {
}
