package dev.notespipeline.query.repository;

/** A topic of an event and its best score there. */
public record TopicScore(String slug, String label, double score) {
}
