package dev.notespipeline.query.repository;

/** The version of a note that is stored, and the taxonomy its tags came from. */
public record StoredVersion(long version, String taxonomyVersion) {
}
