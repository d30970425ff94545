package dev.notespipeline.query.repository;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.Link;
import java.time.LocalDate;
import java.util.List;

/**
 * A talk with everything stored about it, its event's impressions, and how its note was read.
 *
 * @param parserVersion null for notes published before ingest recorded it
 * @param layout null for notes published before the parser reported it
 */
public record TalkDetail(String id, String title, String speaker, String affiliation, String kind, String code, String track,
                         String eventId, String eventTitle, LocalDate eventDate, List<TopicEvidence> topics, List<Link> links,
                         String text, List<Bullet> bullets, List<Bullet> impressions, String noteId, int line,
                         Integer parserVersion, LayoutReport layout) {
}
