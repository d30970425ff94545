package dev.notespipeline.query.repository;

import dev.notespipeline.contract.Link;
import java.time.LocalDate;
import java.util.List;

/** An event as the list shows it, with where it stands in the list order. */
public record EventSummary(String id, String title, LocalDate date, List<Link> links, long talkCount,
                           List<TopicScore> topics, EventPosition position) {
}
