-- What GET /api/talks/{id} asks PostgreSQL (TalkRepository.detail), as the service sends it, for the talk the harness
-- requests (pgbench -D id=<its id>): the talk, its event's title, date and impressions, its note's parser version and
-- layout, and its topics with evidence, in one statement.
SELECT t.id, t.title, t.speaker, t.affiliation, t.kind, t.code, t.track, t.event_id, e.title, e.event_date, t.links,
       (SELECT json_agg(json_build_object('slug', tt.slug, 'label', tt.label, 'score', tt.score, 'evidence', tt.evidence)
               ORDER BY tt.score DESC, tt.slug) FROM talk_topic tt WHERE tt.talk_id = t.id),
       t.text, t.bullets, e.impressions, t.note_id, t.line, n.parser_version, n.layout
  FROM talk t JOIN event e ON e.id = t.event_id JOIN note n ON n.id = t.note_id WHERE t.id = :id;
