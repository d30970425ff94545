package dev.notespipeline.query.repository;

/** A topic and how many talks carry it. */
public record TopicCount(String slug, String label, long talkCount) {
}
