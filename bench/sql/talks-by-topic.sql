-- What GET /api/talks?topic=azure&limit=20 asks PostgreSQL: one keyset page of ids, the talks with their events,
-- their topics.
SELECT t.id FROM talk t
 WHERE EXISTS (SELECT 1 FROM talk_topic f WHERE f.talk_id = t.id AND f.slug = 'azure')
 ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21;
SELECT t.*, e.* FROM talk t JOIN event e ON e.id = t.event_id
 WHERE t.id IN (SELECT t.id FROM talk t
                 WHERE EXISTS (SELECT 1 FROM talk_topic f WHERE f.talk_id = t.id AND f.slug = 'azure')
                 ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21);
SELECT tt.* FROM talk_topic tt
 WHERE tt.talk_id IN (SELECT t.id FROM talk t
                       WHERE EXISTS (SELECT 1 FROM talk_topic f WHERE f.talk_id = t.id AND f.slug = 'azure')
                       ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21)
 ORDER BY tt.score DESC, tt.slug;
