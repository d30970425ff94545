package dev.notespipeline.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The {@code topic} table: every slug ever seen on {@code notes.enriched}, with its label, parent and the number of
 * stored talks carrying it, kept current by every store and delete so that {@code GET /api/topics} reads this small
 * table instead of counting every tag.
 */
@ApplicationScoped
public class TopicRepository {

    /**
     * Adds each slug's change in talk count and takes its label and parent from this sighting, in one statement in slug
     * order (a fixed lock order, so replicas storing at once cannot deadlock here). A slug only losing talks keeps its
     * label and parent.
     */
    private static final String RECORD = "INSERT INTO topic AS tp (slug, label, parent, talk_count)"
            + " SELECT u.slug, COALESCE(u.label, old.label, u.slug), CASE WHEN u.label IS NULL THEN old.parent ELSE u.parent END,"
            + " u.delta FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[]) AS u(slug, label, parent, delta)"
            + " LEFT JOIN topic old ON old.slug = u.slug ORDER BY u.slug"
            + " ON CONFLICT (slug) DO UPDATE SET label = EXCLUDED.label, parent = EXCLUDED.parent,"
            + " talk_count = tp.talk_count + EXCLUDED.talk_count";

    /** Slugs only ever join the table, so a slug once found there stays known: no query for it again. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private final DataSource dataSource;

    public TopicRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Whether any note ever carried this topic slug. */
    public boolean isKnown(String slug) {
        if (known.contains(slug)) {
            return true;
        }
        boolean found = !Jdbc.query(dataSource, "SELECT 1 FROM topic WHERE slug = ?", List.of(slug), row -> true).isEmpty();
        if (found) {
            known.add(slug);
        }
        return found;
    }

    /**
     * Topics of the talks matching {@code filter}, with how many of those talks carry each, most first: facets. Without
     * a filter the kept counts answer; with one, the count starts from the filtered talks.
     */
    public List<TopicCount> counts(TalkFilter filter) {
        if (filter.isEmpty()) {
            return Jdbc.query(dataSource, "SELECT slug, label, talk_count FROM topic WHERE talk_count > 0"
                    + " ORDER BY talk_count DESC, slug", List.of(), TopicRepository::count);
        }
        SqlWhere where = TalkFilters.where(filter);
        return Jdbc.query(dataSource, "SELECT tt.slug, COALESCE(MAX(tp.label), tt.slug), count(*)"
                + " FROM (SELECT t.id FROM talk t" + where.sql() + ") f JOIN talk_topic tt ON tt.talk_id = f.id"
                + " LEFT JOIN topic tp ON tp.slug = tt.slug GROUP BY tt.slug ORDER BY count(*) DESC, tt.slug",
                where.parameters(), TopicRepository::count);
    }

    /** How many talks of these notes carry each slug: what deleting them takes from the counts. */
    Map<String, Long> talkCountsOfNotes(Connection connection, Collection<String> noteIds) throws SQLException {
        if (noteIds.isEmpty()) {
            return Map.of();
        }
        return Jdbc.query(connection, "SELECT tt.slug, count(*) FROM talk_topic tt JOIN talk t ON t.id = tt.talk_id"
                        + " WHERE t.note_id = ANY(?) GROUP BY tt.slug", List.of(Jdbc.texts(connection, noteIds)),
                        row -> Map.entry(row.getString(1), row.getLong(2)))
                .stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /**
     * Records a transaction's effect on the topics: the slugs it saw (label and parent as last seen) and each slug's
     * change in talk count.
     */
    void record(Connection connection, SortedMap<String, TopicSighting> sightings) throws SQLException {
        if (sightings.isEmpty()) {
            return;
        }
        List<String> slugs = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> parents = new ArrayList<>();
        List<Long> deltas = new ArrayList<>();
        sightings.forEach((slug, sighting) -> {
            slugs.add(slug);
            labels.add(sighting.label());
            parents.add(sighting.parent());
            deltas.add(sighting.talkDelta());
        });
        try (PreparedStatement statement = connection.prepareStatement(RECORD)) {
            statement.setArray(1, connection.createArrayOf("text", slugs.toArray()));
            statement.setArray(2, connection.createArrayOf("text", labels.toArray()));
            statement.setArray(3, connection.createArrayOf("text", parents.toArray()));
            statement.setArray(4, connection.createArrayOf("bigint", deltas.toArray()));
            statement.executeUpdate();
        }
    }

    private static TopicCount count(java.sql.ResultSet row) throws SQLException {
        return new TopicCount(row.getString(1), row.getString(2), row.getLong(3));
    }
}
