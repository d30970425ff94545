-- What GET /api/talks/{id} asks PostgreSQL, for the talk the harness requests (the smallest id): the talk with its
-- event, and its topics.
SELECT t.*, e.* FROM talk t JOIN event e ON e.id = t.event_id WHERE t.id = (SELECT min(id) FROM talk);
SELECT tt.* FROM talk_topic tt WHERE tt.talk_id = (SELECT min(id) FROM talk) ORDER BY tt.score DESC, tt.slug;
