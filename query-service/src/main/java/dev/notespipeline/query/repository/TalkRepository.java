package dev.notespipeline.query.repository;

import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

@ApplicationScoped
public class TalkRepository implements PanacheRepositoryBase<TalkEntity, String> {

    private static final String ORDER = " ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id";

    /**
     * Talks matching {@code filter}, newest events first, then in source order, starting after {@code after}.
     * Keyset paging: rows inserted or removed elsewhere in the order never shift a page.
     *
     * @param after the last talk of the previous page, or null for the first page
     * @param limit how many to return at most
     */
    public List<TalkEntity> find(TalkFilter filter, TalkPosition after, int limit) {
        SqlWhere where = where(filter);
        if (after != null) {
            where.and("(t.sort_date < :afterDate OR (t.sort_date = :afterDate"
                            + " AND (t.note_id, t.event_position, t.position, t.id) > (:afterNote, :afterEvent, :afterPosition, :afterId)))")
                    .bind("afterDate", after.sortDate()).bind("afterNote", after.noteId())
                    .bind("afterEvent", after.eventPosition()).bind("afterPosition", after.position())
                    .bind("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<String> ids = where.bindTo(getEntityManager().createNativeQuery(
                        "SELECT t.id FROM talk t" + where.sql() + ORDER + " LIMIT :limit", String.class))
                .setParameter("limit", limit)
                .getResultList();
        return byIds(ids);
    }

    /** Where {@code talk} stands in the talk order. */
    public TalkPosition positionOf(TalkEntity talk) {
        Object sortDate = getEntityManager().createNativeQuery("SELECT t.sort_date FROM talk t WHERE t.id = :id")
                .setParameter("id", talk.id).getSingleResult();
        return new TalkPosition(localDate(sortDate), talk.noteId, talk.eventPosition, talk.position, talk.id);
    }

    /** The talks with these ids, with their events, in the order of {@code ids}. */
    public List<TalkEntity> byIds(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, TalkEntity> byId = getEntityManager()
                .createQuery("select t from TalkEntity t join fetch t.event where t.id in :ids", TalkEntity.class)
                .setParameter("ids", ids)
                .getResultStream()
                .collect(Collectors.toMap(talk -> talk.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** The talks of one event, in source order. */
    public List<TalkEntity> ofEvent(String eventId) {
        return getEntityManager()
                .createQuery("select t from TalkEntity t join fetch t.event e where e.id = :event order by t.position",
                        TalkEntity.class)
                .setParameter("event", eventId)
                .getResultList();
    }

    /** The topics of the given talks, best score first, in one query. */
    public Map<String, List<TalkTopicEntity>> topicsOf(List<String> talkIds) {
        if (talkIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select tt from TalkTopicEntity tt where tt.key.talkId in :ids order by tt.score desc, tt.key.slug",
                        TalkTopicEntity.class)
                .setParameter("ids", talkIds)
                .getResultStream()
                .collect(Collectors.groupingBy(tt -> tt.key.talkId));
    }

    /** Topics of the talks matching {@code filter}, with how many of those talks carry each: facets. */
    public List<TopicCount> topicCounts(TalkFilter filter) {
        SqlWhere where = where(filter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bindTo(getEntityManager().createNativeQuery(
                "SELECT tt.slug, COALESCE(MAX(tp.label), MAX(tt.label)), COUNT(*) FROM talk_topic tt"
                        + " JOIN talk t ON t.id = tt.talk_id LEFT JOIN topic tp ON tp.slug = tt.slug"
                        + where.sql() + " GROUP BY tt.slug ORDER BY COUNT(*) DESC, tt.slug", Object[].class))
                .getResultList();
        return rows.stream()
                .map(row -> new TopicCount((String) row[0], (String) row[1], ((Number) row[2]).longValue()))
                .toList();
    }

    /** Every speaker with how many talks they gave, most talks first. */
    public List<SpeakerCount> speakerCounts() {
        return getEntityManager()
                .createQuery("select new dev.notespipeline.query.repository.SpeakerCount(t.speaker, count(t)) from TalkEntity t"
                        + " where t.speaker is not null group by t.speaker order by count(t) desc, t.speaker", SpeakerCount.class)
                .getResultList();
    }

    /** Whether any note ever carried this topic slug. */
    public boolean isKnownTopic(String slug) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM topic WHERE slug = :slug")
                .setParameter("slug", slug).getResultList().isEmpty();
    }

    /** The WHERE clause of {@code filter} over table alias {@code t} (talk); the facet and timeline queries share it. */
    static SqlWhere where(TalkFilter filter) {
        SqlWhere where = new SqlWhere();
        for (int i = 0; i < filter.topics().size(); i++) {
            where.and("EXISTS (SELECT 1 FROM talk_topic f WHERE f.talk_id = t.id AND f.slug = :topic" + i + ")")
                    .bind("topic" + i, filter.topics().get(i));
        }
        if (!filter.searchWords().isEmpty()) {
            // The words are Kuromoji's; plainto_tsquery ANDs them. 'english' adds word forms, 'simple' keeps stop words.
            where.and("(t.search_simple @@ plainto_tsquery('simple', :q) OR t.search_english @@ plainto_tsquery('english', :q))")
                    .bind("q", String.join(" ", filter.searchWords()));
        }
        if (filter.eventId() != null) {
            where.and("t.event_id = :event").bind("event", filter.eventId());
        }
        if (filter.speaker() != null) {
            where.and("t.speaker ILIKE :speaker ESCAPE '\\'").bind("speaker", SqlWhere.containsPattern(filter.speaker()));
        }
        if (filter.speakerName() != null) {
            where.and("t.speaker = :speakerName").bind("speakerName", filter.speakerName());
        }
        if (filter.from() != null) {
            where.and("t.event_date >= :from").bind("from", filter.from());
        }
        if (filter.to() != null) {
            where.and("t.event_date <= :to").bind("to", filter.to());
        }
        return where;
    }

    static LocalDate localDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
