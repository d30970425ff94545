-- What GET /api/talks?q=監視 asks PostgreSQL (TalkRepository.find, TalkFilters; Kuromoji segments 監視 to one word),
-- as the service sends it: one statement.
SELECT p.id, p.title, p.speaker, p.affiliation, p.kind, p.code, p.track, p.event_id, e.title, e.event_date,
       (SELECT json_agg(json_build_object('slug', tt.slug, 'label', tt.label, 'score', tt.score) ORDER BY tt.score DESC, tt.slug)
          FROM talk_topic tt WHERE tt.talk_id = p.id), p.links, p.text, p.sort_date, p.note_id, p.event_position, p.position
  FROM (SELECT t.id, t.title, t.speaker, t.affiliation, t.kind, t.code, t.track, t.event_id, t.links, t.text,
               t.sort_date, t.note_id, t.event_position, t.position
          FROM talk t
         WHERE (t.search_simple @@ plainto_tsquery('simple', '監視') OR t.search_english @@ plainto_tsquery('english', '監視'))
         ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21) p
  JOIN event e ON e.id = p.event_id
 ORDER BY p.sort_date DESC, p.note_id, p.event_position, p.position, p.id;
