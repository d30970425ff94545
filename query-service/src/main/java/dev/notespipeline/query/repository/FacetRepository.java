package dev.notespipeline.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.sql.DataSource;

/** Facet counts of the talk list: topics, events, speakers and years of the talks matching a filter. */
@ApplicationScoped
public class FacetRepository {

    /**
     * One statement: the matching talks are found once (the CTE, referenced five times, is computed once) and
     * counted by each facet. Every branch has the same columns: kind, key, label, parent, date, count.
     */
    private static final String FACETS = """
            WITH f AS (SELECT t.id, t.event_id, t.speaker, t.event_date FROM talk t {where})
            SELECT 'total', CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS text), CAST(NULL AS date), COUNT(*) FROM f
            UNION ALL
            SELECT 'topic', tt.slug, COALESCE(MAX(tp.label), MAX(tt.label)), MAX(tp.parent), NULL, COUNT(*)
              FROM f JOIN talk_topic tt ON tt.talk_id = f.id LEFT JOIN topic tp ON tp.slug = tt.slug GROUP BY tt.slug
            UNION ALL
            (SELECT 'event', f.event_id, MAX(e.title), NULL, MAX(e.event_date), COUNT(*)
              FROM f JOIN event e ON e.id = f.event_id GROUP BY f.event_id
              ORDER BY COUNT(*) DESC, MAX(e.sort_date) DESC, f.event_id LIMIT ?)
            UNION ALL
            (SELECT 'speaker', f.speaker, NULL, NULL, NULL, COUNT(*) FROM f WHERE f.speaker IS NOT NULL
              GROUP BY f.speaker ORDER BY COUNT(*) DESC, f.speaker LIMIT ?)
            UNION ALL
            SELECT 'year', CAST(EXTRACT(YEAR FROM f.event_date) AS integer)::text, NULL, NULL, NULL, COUNT(*)
              FROM f WHERE f.event_date IS NOT NULL GROUP BY 2
            UNION ALL
            SELECT 'undated', NULL, NULL, NULL, NULL, COUNT(*) FROM f WHERE f.event_date IS NULL
            """;

    private final DataSource dataSource;

    public FacetRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * @param limit how many events and how many speakers at most (the ones with most talks); topics and years come
     *     all
     */
    public FacetCounts count(TalkFilter filter, int limit) {
        SqlWhere where = TalkFilters.where(filter);
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        parameters.add(limit);
        List<Object[]> rows = Jdbc.query(dataSource, FACETS.replace("{where}", where.sql()), parameters, FacetRepository::row);
        long total = 0;
        long undated = 0;
        List<FacetCounts.TopicFacet> topics = new ArrayList<>();
        List<FacetCounts.EventFacet> events = new ArrayList<>();
        List<SpeakerCount> speakers = new ArrayList<>();
        List<FacetCounts.YearCount> years = new ArrayList<>();
        for (Object[] row : rows) {
            String key = (String) row[1];
            long count = ((Number) row[5]).longValue();
            switch ((String) row[0]) {
                case "total" -> total = count;
                case "undated" -> undated = count;
                case "topic" -> topics.add(new FacetCounts.TopicFacet(key, (String) row[2], (String) row[3], count));
                case "event" -> events.add(new FacetCounts.EventFacet(key, (String) row[2], (LocalDate) row[4], count));
                case "speaker" -> speakers.add(new SpeakerCount(key, count));
                case "year" -> years.add(new FacetCounts.YearCount(Integer.parseInt(key), count));
                default -> throw new IllegalStateException("unknown facet row " + row[0]);
            }
        }
        topics.sort(Comparator.comparingLong(FacetCounts.TopicFacet::talkCount).reversed()
                .thenComparing(FacetCounts.TopicFacet::slug));
        years.sort(Comparator.comparingInt(FacetCounts.YearCount::year).reversed());
        // UNION ALL keeps no order across branches: the ORDER BY inside each branch only chose which rows to keep.
        events.sort(Comparator.comparingLong(FacetCounts.EventFacet::talkCount).reversed()
                .thenComparing(FacetCounts.EventFacet::date, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(FacetCounts.EventFacet::id));
        speakers.sort(Comparator.comparingLong(SpeakerCount::talkCount).reversed().thenComparing(SpeakerCount::name));
        return new FacetCounts(total, topics, events, speakers, years, undated);
    }

    private static Object[] row(ResultSet row) throws SQLException {
        return new Object[] {row.getString(1), row.getString(2), row.getString(3), row.getString(4), Jdbc.date(row, 5),
            row.getLong(6)};
    }
}
