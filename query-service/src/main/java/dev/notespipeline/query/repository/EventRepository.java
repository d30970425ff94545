package dev.notespipeline.query.repository;

import dev.notespipeline.query.entity.EventEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class EventRepository implements PanacheRepositoryBase<EventEntity, String> {

    /** An event carries a topic when the event itself or one of its talks was tagged with it. */
    private static final String EVENT_TOPICS = "(SELECT et.event_id, et.slug, et.label, et.score FROM event_topic et"
            + " UNION ALL SELECT t.event_id, tt.slug, tt.label, tt.score FROM talk_topic tt JOIN talk t ON t.id = tt.talk_id)";

    /**
     * Events carrying every one of {@code topics}, newest first, then in source order, after {@code after}.
     *
     * @param after the last event of the previous page, or null for the first page
     */
    public List<EventEntity> find(List<String> topics, EventPosition after, int limit) {
        SqlWhere where = new SqlWhere();
        for (int i = 0; i < topics.size(); i++) {
            where.and("EXISTS (SELECT 1 FROM " + EVENT_TOPICS + " f WHERE f.event_id = e.id AND f.slug = :topic" + i + ")")
                    .bind("topic" + i, topics.get(i));
        }
        if (after != null) {
            where.and("(e.sort_date < :afterDate OR (e.sort_date = :afterDate"
                            + " AND (e.note_id, e.position, e.id) > (:afterNote, :afterPosition, :afterId)))")
                    .bind("afterDate", after.sortDate()).bind("afterNote", after.noteId())
                    .bind("afterPosition", after.position()).bind("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<String> ids = where.bindTo(getEntityManager().createNativeQuery("SELECT e.id FROM event e" + where.sql()
                        + " ORDER BY e.sort_date DESC, e.note_id, e.position, e.id LIMIT :limit", String.class))
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, EventEntity> byId = find("id in ?1", ids).stream()
                .collect(Collectors.toMap(event -> event.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** Where {@code event} stands in the event order. */
    public EventPosition positionOf(EventEntity event) {
        Object sortDate = getEntityManager().createNativeQuery("SELECT e.sort_date FROM event e WHERE e.id = :id")
                .setParameter("id", event.id).getSingleResult();
        return new EventPosition(TalkRepository.localDate(sortDate), event.noteId, event.position, event.id);
    }

    /** The line of the event after {@code event} in its note, or null when it is the note's last. */
    public Integer lineOfNextEvent(EventEntity event) {
        return getEntityManager()
                .createQuery("select e.line from EventEntity e where e.noteId = :note and e.position > :position"
                        + " order by e.position", Integer.class)
                .setParameter("note", event.noteId)
                .setParameter("position", event.position)
                .setMaxResults(1)
                .getResultStream().findFirst().orElse(null);
    }

    /** How many talks each of the events has. */
    public Map<String, Long> talkCounts(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select t.event.id, count(t) from TalkEntity t where t.event.id in :ids group by t.event.id",
                        Object[].class)
                .setParameter("ids", eventIds)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).longValue()));
    }

    /** The topics of each event (its own and its talks'), best score first. */
    public Map<String, List<TopicScore>> topicsOf(List<String> eventIds) {
        if (eventIds.isEmpty()) {
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT a.event_id, a.slug, MAX(a.label), MAX(a.score) FROM "
                        + EVENT_TOPICS + " a WHERE a.event_id IN (:ids) GROUP BY a.event_id, a.slug"
                        + " ORDER BY MAX(a.score) DESC, a.slug", Object[].class)
                .setParameter("ids", eventIds)
                .getResultList();
        return rows.stream().collect(Collectors.groupingBy(row -> (String) row[0], LinkedHashMap::new,
                Collectors.mapping(row -> new TopicScore((String) row[1], (String) row[2], ((Number) row[3]).doubleValue()),
                        Collectors.toList())));
    }
}
