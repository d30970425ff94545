-- Speaker search is a case-insensitive substring match: only a trigram index serves LIKE '%…%'.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- The event's date and place are copied onto each talk so that one index serves the order of
-- GET /api/talks, its keyset cursor and its date range without a join.
-- Events without a date sort after every dated one (newest first).
ALTER TABLE talk ADD COLUMN event_date DATE;
ALTER TABLE talk ADD COLUMN event_position INTEGER NOT NULL DEFAULT 0;
ALTER TABLE talk ADD COLUMN sort_date DATE GENERATED ALWAYS AS (COALESCE(event_date, DATE '0001-01-01')) STORED;
CREATE INDEX talk_keyset ON talk (sort_date DESC, note_id, event_position, position, id);
CREATE INDEX talk_speaker_trgm ON talk USING gin (speaker gin_trgm_ops);
CREATE INDEX talk_speaker ON talk (speaker);
CREATE INDEX talk_event_date ON talk (event_date);

-- search_text holds the title, speaker, text and event title already split into words by the
-- application (Kuromoji), because PostgreSQL's parsers cannot find words in Japanese.
-- 'simple' matches words exactly; 'english' adds stemming, so "services" finds "service".
ALTER TABLE talk ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE talk ADD COLUMN search_simple tsvector
    GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, search_text)) STORED;
ALTER TABLE talk ADD COLUMN search_english tsvector
    GENERATED ALWAYS AS (to_tsvector('english'::regconfig, search_text)) STORED;
CREATE INDEX talk_search_simple ON talk USING gin (search_simple);
CREATE INDEX talk_search_english ON talk USING gin (search_english);

ALTER TABLE event ADD COLUMN sort_date DATE GENERATED ALWAYS AS (COALESCE(event_date, DATE '0001-01-01')) STORED;
CREATE INDEX event_keyset ON event (sort_date DESC, note_id, position, id);

-- Every topic slug ever seen on notes.enriched: an unknown slug in a filter is a client error,
-- a known one without talks (today) is an empty result.
CREATE TABLE topic (
    slug   TEXT PRIMARY KEY,
    label  TEXT NOT NULL,
    parent TEXT
);

CREATE TABLE event_topic (
    event_id TEXT             NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    slug     TEXT             NOT NULL,
    label    TEXT             NOT NULL,
    score    DOUBLE PRECISION NOT NULL,
    evidence JSONB            NOT NULL,
    PRIMARY KEY (event_id, slug)
);
CREATE INDEX event_topic_slug ON event_topic (slug, event_id);
