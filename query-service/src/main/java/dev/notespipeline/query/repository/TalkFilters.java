package dev.notespipeline.query.repository;

/** The SQL of a {@link TalkFilter} on table {@code talk t}: shared by the talk list and the facet counts. */
final class TalkFilters {

    private TalkFilters() {
    }

    static SqlWhere where(TalkFilter filter) {
        SqlWhere where = new SqlWhere();
        for (String topic : filter.topics()) {
            where.and("EXISTS (SELECT 1 FROM talk_topic f WHERE f.talk_id = t.id AND f.slug = ?)", topic);
        }
        if (!filter.searchWords().isEmpty()) {
            // The words are Kuromoji's; plainto_tsquery ANDs them. 'english' adds word forms, 'simple' keeps stop words.
            String words = String.join(" ", filter.searchWords());
            where.and("(t.search_simple @@ plainto_tsquery('simple', ?) OR t.search_english @@ plainto_tsquery('english', ?))",
                    words, words);
        }
        if (filter.eventId() != null) {
            where.and("t.event_id = ?", filter.eventId());
        }
        if (filter.speaker() != null) {
            where.and("t.speaker ILIKE ? ESCAPE '\\'", SqlWhere.containsPattern(filter.speaker()));
        }
        if (filter.speakerName() != null) {
            where.and("t.speaker = ?", filter.speakerName());
        }
        if (filter.from() != null) {
            where.and("t.event_date >= ?", filter.from());
        }
        if (filter.to() != null) {
            where.and("t.event_date <= ?", filter.to());
        }
        return where;
    }
}
