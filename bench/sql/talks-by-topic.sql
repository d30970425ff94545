-- What GET /api/talks?topic=azure&limit=20 asks PostgreSQL (TalkRepository.find, TalkFilters), as the service sends
-- it: one statement, the keyset page of 21 rows first, then only those joined to their events and topics. The topic
-- slug's existence is known to the service after its first check, so it costs no statement.
SELECT p.id, p.title, p.speaker, p.affiliation, p.kind, p.code, p.track, p.event_id, e.title, e.event_date,
       (SELECT json_agg(json_build_object('slug', tt.slug, 'label', tt.label, 'score', tt.score) ORDER BY tt.score DESC, tt.slug)
          FROM talk_topic tt WHERE tt.talk_id = p.id), p.links, p.text, p.sort_date, p.note_id, p.event_position, p.position
  FROM (SELECT t.id, t.title, t.speaker, t.affiliation, t.kind, t.code, t.track, t.event_id, t.links, t.text,
               t.sort_date, t.note_id, t.event_position, t.position
          FROM talk t
         WHERE EXISTS (SELECT 1 FROM talk_topic f WHERE f.talk_id = t.id AND f.slug = 'azure')
         ORDER BY t.sort_date DESC, t.note_id, t.event_position, t.position, t.id LIMIT 21) p
  JOIN event e ON e.id = p.event_id
 ORDER BY p.sort_date DESC, p.note_id, p.event_position, p.position, p.id;
