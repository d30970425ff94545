-- What GET /api/talks?q=監視 asks PostgreSQL (Kuromoji segments 監視 to one word): one page of ids, then the talks
-- with their events and their topics.
SELECT t.id FROM talk t
 WHERE (t.search_simple @@ plainto_tsquery('simple', '監視') OR t.search_english @@ plainto_tsquery('english', '監視'))
 ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21;
SELECT t.*, e.* FROM talk t JOIN event e ON e.id = t.event_id
 WHERE t.id IN (SELECT t.id FROM talk t
                 WHERE (t.search_simple @@ plainto_tsquery('simple', '監視') OR t.search_english @@ plainto_tsquery('english', '監視'))
                 ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21);
SELECT tt.* FROM talk_topic tt
 WHERE tt.talk_id IN (SELECT t.id FROM talk t
                       WHERE (t.search_simple @@ plainto_tsquery('simple', '監視') OR t.search_english @@ plainto_tsquery('english', '監視'))
                       ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21)
 ORDER BY tt.score DESC, tt.slug;
