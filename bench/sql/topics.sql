-- What GET /api/topics asks PostgreSQL (TopicRepository.counts without filters): the counts kept in the topic table.
SELECT slug, label, talk_count FROM topic WHERE talk_count > 0 ORDER BY talk_count DESC, slug;
