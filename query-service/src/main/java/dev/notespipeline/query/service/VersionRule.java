package dev.notespipeline.query.service;

import dev.notespipeline.query.repository.StoredVersion;
import java.util.Objects;

/**
 * Which note version wins: a newer version replaces the stored one, an older one changes nothing, so redelivery and
 * replays are safe.
 *
 * <p>One exception: after a taxonomy change enrich-service re-publishes the same note version with another taxonomy
 * version; that re-tag replaces the stored tags. Taxonomy versions are labels, not ordered, so any other taxonomy
 * version counts as a re-tag (the compacted topic keeps only the latest record per note).
 */
final class VersionRule {

    private VersionRule() {
    }

    /** @param stored the stored version, or null when the note is not stored */
    static NoteStore.Outcome decide(StoredVersion stored, long version, String taxonomyVersion) {
        if (stored == null) {
            return NoteStore.Outcome.STORED;
        }
        if (stored.version() > version
                || stored.version() == version && Objects.equals(stored.taxonomyVersion(), taxonomyVersion)) {
            return NoteStore.Outcome.SKIPPED;
        }
        return stored.version() == version ? NoteStore.Outcome.RETAGGED : NoteStore.Outcome.STORED;
    }
}
