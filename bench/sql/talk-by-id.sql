-- What GET /api/talks/{id} asks PostgreSQL (TalkRepository.detail), for the talk the harness requests (the smallest
-- id): the talk, its event's title, date and impressions, and its topics with evidence, in one statement.
SELECT t.id, t.title, t.speaker, t.event_id, e.title, e.event_date, t.links,
       (SELECT json_agg(json_build_object('slug', tt.slug, 'label', tt.label, 'score', tt.score, 'evidence', tt.evidence)
               ORDER BY tt.score DESC, tt.slug) FROM talk_topic tt WHERE tt.talk_id = t.id),
       t.text, t.bullets, e.impressions, t.note_id, t.line
  FROM talk t JOIN event e ON e.id = t.event_id WHERE t.id = (SELECT min(id) FROM talk);
