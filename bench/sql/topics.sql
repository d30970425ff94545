-- What GET /api/topics asks PostgreSQL: every topic with the number of its talks.
SELECT tt.slug, COALESCE(MAX(tp.label), MAX(tt.label)), COUNT(*) FROM talk_topic tt
  JOIN talk t ON t.id = tt.talk_id LEFT JOIN topic tp ON tp.slug = tt.slug
 GROUP BY tt.slug ORDER BY COUNT(*) DESC, tt.slug;
