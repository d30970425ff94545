package dev.notespipeline.query.repository;

/** A topic of a talk or an event, and its score there (an event's: the best of its own and its talks'). */
public record TopicScore(String slug, String label, double score) {
}
