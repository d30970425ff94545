-- How many stored talks carry each topic, kept current by every store and delete (one upsert per transaction), so
-- GET /api/topics reads this small table instead of counting every talk_topic row.
ALTER TABLE topic ADD COLUMN talk_count BIGINT NOT NULL DEFAULT 0;

INSERT INTO topic (slug, label, parent)
SELECT tt.slug, MAX(tt.label), NULL FROM talk_topic tt GROUP BY tt.slug
ON CONFLICT (slug) DO NOTHING;

UPDATE topic SET talk_count = c.talks
  FROM (SELECT slug, count(*) AS talks FROM talk_topic GROUP BY slug) c
 WHERE c.slug = topic.slug;

CREATE INDEX topic_talk_count ON topic (talk_count DESC, slug) WHERE talk_count > 0;
