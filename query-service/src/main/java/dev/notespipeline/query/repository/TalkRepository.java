package dev.notespipeline.query.repository;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads talks, each request in one statement that projects only what the answer shows: the page with its events, its
 * topics (aggregated in the database) and the cursor position of every row.
 */
@ApplicationScoped
public class TalkRepository {

    private static final String KEYSET = "t.sort_date DESC, t.note_id, t.event_position, t.position, t.id";
    private static final String PAGE_ORDER = " ORDER BY p.sort_date DESC, p.note_id, p.event_position, p.position, p.id";
    private static final String TOPICS = "(SELECT json_agg(json_build_object('slug', tt.slug, 'label', tt.label, 'score', tt.score)"
            + " ORDER BY tt.score DESC, tt.slug) FROM talk_topic tt WHERE tt.talk_id = p.id)";
    private static final String DETAIL = "SELECT t.id, t.title, t.speaker, t.affiliation, t.kind, t.code, t.track,"
            + " t.event_id, e.title, e.event_date, t.links,"
            + " (SELECT json_agg(json_build_object('slug', tt.slug, 'label', tt.label, 'score', tt.score, 'evidence', tt.evidence)"
            + " ORDER BY tt.score DESC, tt.slug) FROM talk_topic tt WHERE tt.talk_id = t.id),"
            + " t.text, t.bullets, e.impressions, t.note_id, t.line, n.parser_version, n.layout"
            + " FROM talk t JOIN event e ON e.id = t.event_id JOIN note n ON n.id = t.note_id WHERE t.id = ?";

    private final DataSource dataSource;
    private final JsonColumns json;

    public TalkRepository(DataSource dataSource, JsonColumns json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /**
     * Talks matching {@code filter}, newest events first, then in source order, starting after {@code after}.
     * Keyset paging: rows inserted or removed elsewhere in the order never shift a page. The page is chosen first
     * and only its rows are joined to their events and topics.
     *
     * @param after the last talk of the previous page, or null for the first page
     * @param limit how many to return at most
     */
    public List<TalkSummary> find(TalkFilter filter, TalkPosition after, int limit) {
        SqlWhere where = TalkFilters.where(filter);
        if (after != null) {
            where.and("(t.sort_date < ? OR (t.sort_date = ? AND (t.note_id, t.event_position, t.position, t.id) > (?, ?, ?, ?)))",
                    after.sortDate(), after.sortDate(), after.noteId(), after.eventPosition(), after.position(), after.id());
        }
        List<Object> parameters = new ArrayList<>(where.parameters());
        parameters.add(limit);
        String sql = "SELECT p.id, p.title, p.speaker, p.affiliation, p.kind, p.code, p.track, p.event_id, e.title, e.event_date, "
                + TOPICS + ", p.links, p.text, p.sort_date, p.note_id, p.event_position, p.position"
                + " FROM (SELECT t.id, t.title, t.speaker, t.affiliation, t.kind, t.code, t.track, t.event_id, t.links, t.text,"
                + " t.sort_date, t.note_id, t.event_position, t.position"
                + " FROM talk t" + where.sql() + " ORDER BY " + KEYSET + " LIMIT ?) p"
                + " JOIN event e ON e.id = p.event_id" + PAGE_ORDER;
        return Jdbc.query(dataSource, sql, parameters, this::summary);
    }

    /** The talks of one event, in source order. */
    public List<TalkSummary> ofEvent(String eventId) {
        return find(TalkFilter.ofEvent(eventId), null, Integer.MAX_VALUE);
    }

    public Optional<TalkDetail> detail(String id) {
        return Jdbc.query(dataSource, DETAIL, List.of(id), this::detail).stream().findFirst();
    }

    private TalkSummary summary(ResultSet row) throws SQLException {
        TalkPosition position = new TalkPosition(Jdbc.date(row, 14), row.getString(15), row.getInt(16), row.getInt(17),
                row.getString(1));
        return new TalkSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), Jdbc.date(row, 10),
                json.list(row.getString(11), JsonColumns.TOPIC_SCORES), json.list(row.getString(12), JsonColumns.LINKS),
                row.getString(13), position);
    }

    private TalkDetail detail(ResultSet row) throws SQLException {
        return new TalkDetail(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), Jdbc.date(row, 10),
                json.list(row.getString(12), JsonColumns.TOPIC_EVIDENCE), json.list(row.getString(11), JsonColumns.LINKS),
                row.getString(13), json.list(row.getString(14), JsonColumns.BULLETS),
                json.list(row.getString(15), JsonColumns.BULLETS), row.getString(16), row.getInt(17),
                row.getObject(18, Integer.class), json.layout(row.getString(19)));
    }
}
