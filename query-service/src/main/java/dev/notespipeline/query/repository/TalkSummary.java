package dev.notespipeline.query.repository;

import dev.notespipeline.contract.Link;
import java.time.LocalDate;
import java.util.List;

/**
 * A talk as the list shows it (its text for the snippet), with where it stands in the list order (what a cursor holds).
 */
public record TalkSummary(String id, String title, String speaker, String affiliation, String kind, String code,
                          String track, String eventId, String eventTitle, LocalDate eventDate, List<TopicScore> topics,
                          List<Link> links, String text, TalkPosition position) {
}
