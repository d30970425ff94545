package dev.notespipeline.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads events, each with its talk count and its topics, in one statement per request. */
@ApplicationScoped
public class EventRepository {

    /**
     * The topics of event {@code p}: its own and its talks', each slug once with its best score, best first. An event
     * carries a topic when the event itself or one of its talks was tagged with it.
     */
    private static final String TOPICS = "(SELECT json_agg(json_build_object('slug', a.slug, 'label', a.label, 'score', a.score)"
            + " ORDER BY a.score DESC, a.slug) FROM (SELECT x.slug, MAX(x.label) AS label, MAX(x.score) AS score FROM"
            + " (SELECT et.slug, et.label, et.score FROM event_topic et WHERE et.event_id = p.id"
            + " UNION ALL SELECT tt.slug, tt.label, tt.score FROM talk_topic tt JOIN talk t ON t.id = tt.talk_id"
            + " WHERE t.event_id = p.id) x GROUP BY x.slug) a)";
    private static final String CARRIES_TOPIC = "(EXISTS (SELECT 1 FROM event_topic f WHERE f.event_id = e.id AND f.slug = ?)"
            + " OR EXISTS (SELECT 1 FROM talk_topic f JOIN talk t ON t.id = f.talk_id WHERE t.event_id = e.id AND f.slug = ?))";

    private final DataSource dataSource;
    private final JsonColumns json;
    private final TalkRepository talks;

    public EventRepository(DataSource dataSource, JsonColumns json, TalkRepository talks) {
        this.dataSource = dataSource;
        this.json = json;
        this.talks = talks;
    }

    /**
     * Events carrying every one of {@code topics}, newest first, then in source order, after {@code after}.
     *
     * @param after the last event of the previous page, or null for the first page
     */
    public List<EventSummary> find(List<String> topics, EventPosition after, int limit) {
        SqlWhere where = new SqlWhere();
        for (String topic : topics) {
            where.and(CARRIES_TOPIC, topic, topic);
        }
        if (after != null) {
            where.and("(e.sort_date < ? OR (e.sort_date = ? AND (e.note_id, e.position, e.id) > (?, ?, ?)))",
                    after.sortDate(), after.sortDate(), after.noteId(), after.position(), after.id());
        }
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        String sql = "SELECT p.id, p.title, p.event_date, p.links, (SELECT count(*) FROM talk t WHERE t.event_id = p.id), "
                + TOPICS + ", p.sort_date, p.note_id, p.position"
                + " FROM (SELECT e.id, e.title, e.event_date, e.links, e.sort_date, e.note_id, e.position FROM event e"
                + where.sql() + " ORDER BY e.sort_date DESC, e.note_id, e.position, e.id LIMIT ?) p"
                + " ORDER BY p.sort_date DESC, p.note_id, p.position, p.id";
        return Jdbc.query(dataSource, sql, parameters, this::summary);
    }

    /** The event with its overview, segments, impressions and talks, and its note's layout report. */
    public Optional<EventDetail> detail(String id) {
        String sql = "SELECT p.id, p.title, p.event_date, p.links, " + TOPICS + ", p.overview, p.segments, p.impressions,"
                + " p.note_id, p.line, p.position, (SELECT x.line FROM event x WHERE x.note_id = p.note_id"
                + " AND x.position > p.position ORDER BY x.position LIMIT 1), n.parser_version, n.layout"
                + " FROM event p JOIN note n ON n.id = p.note_id WHERE p.id = ?";
        return Jdbc.query(dataSource, sql, List.of(id), row -> new EventDetail(row.getString(1), row.getString(2),
                        Jdbc.date(row, 3), json.list(row.getString(4), JsonColumns.LINKS),
                        json.list(row.getString(5), JsonColumns.TOPIC_SCORES), json.list(row.getString(6), JsonColumns.BULLETS),
                        json.list(row.getString(7), JsonColumns.SEGMENTS), json.list(row.getString(8), JsonColumns.BULLETS),
                        List.of(), row.getString(9), row.getInt(10), row.getInt(11), row.getObject(12, Integer.class),
                        row.getObject(13, Integer.class), json.layout(row.getString(14))))
                .stream().findFirst()
                .map(event -> new EventDetail(event.id(), event.title(), event.date(), event.links(), event.topics(),
                        event.overview(), event.segments(), event.impressions(), talks.ofEvent(event.id()), event.noteId(),
                        event.line(), event.position(), event.nextEventLine(), event.parserVersion(), event.layout()));
    }

    private EventSummary summary(ResultSet row) throws SQLException {
        return new EventSummary(row.getString(1), row.getString(2), Jdbc.date(row, 3), json.list(row.getString(4), JsonColumns.LINKS),
                row.getLong(5), json.list(row.getString(6), JsonColumns.TOPIC_SCORES),
                new EventPosition(Jdbc.date(row, 7), row.getString(8), row.getInt(9), row.getString(1)));
    }
}
