package dev.notespipeline.query.rest;

import java.time.LocalDate;
import java.util.List;

/** A talk as {@code GET /api/talks} lists it. */
public record TalkView(String id, String title, String speaker, EventRef event, List<TopicView> topics, List<LinkView> links) {

    public record EventRef(String id, String title, LocalDate date) {
    }

    public record TopicView(String slug, String label, double score) {
    }

    public record LinkView(String kind, String url) {
    }
}
