package dev.notespipeline.query.repository;

import java.time.LocalDate;
import java.util.List;

/**
 * How many of the talks matching a filter fall under each value of each facet.
 *
 * @param total how many talks match
 * @param topics every topic of those talks, with its parent, most talks first
 * @param events the events with most of those talks
 * @param speakers the speakers with most of those talks
 * @param years the years of their events, newest first
 * @param undated how many of those talks belong to an event without a date
 */
public record FacetCounts(long total, List<TopicFacet> topics, List<EventFacet> events, List<SpeakerCount> speakers,
                          List<YearCount> years, long undated) {

    /** A topic, its parent topic's slug (null for a top-level topic) and how many of the talks carry it. */
    public record TopicFacet(String slug, String label, String parent, long talkCount) {
    }

    public record EventFacet(String id, String title, LocalDate date, long talkCount) {
    }

    public record YearCount(int year, long talkCount) {
    }
}
