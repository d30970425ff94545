package dev.notespipeline.query.repository;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.Link;
import dev.notespipeline.contract.Segment;
import java.time.LocalDate;
import java.util.List;

/**
 * An event with its overview, segments, impressions and talks in memo order, and how its note was read.
 *
 * @param position the event's place in its note
 * @param nextEventLine the line of the note's next event, or null when this is its last
 * @param parserVersion null for notes published before ingest recorded it
 * @param layout null for notes published before the parser reported it
 */
public record EventDetail(String id, String title, LocalDate date, List<Link> links, List<TopicScore> topics,
                          List<Bullet> overview, List<Segment> segments, List<Bullet> impressions, List<TalkSummary> talks,
                          String noteId, int line, int position, Integer nextEventLine, Integer parserVersion,
                          LayoutReport layout) {
}
