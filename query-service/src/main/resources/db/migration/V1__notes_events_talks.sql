-- One row per note version that is stored; events, talks and topics hang off it and go with it.
CREATE TABLE note (
    id               TEXT PRIMARY KEY,
    version          BIGINT      NOT NULL,
    content_hash     TEXT,
    title            TEXT,
    taxonomy_version TEXT,
    stored_at        TIMESTAMPTZ NOT NULL
);

CREATE TABLE event (
    id          TEXT PRIMARY KEY,
    note_id     TEXT    NOT NULL REFERENCES note (id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    title       TEXT    NOT NULL,
    event_date  DATE,
    line        INTEGER NOT NULL,
    links       JSONB   NOT NULL,
    overview    JSONB   NOT NULL,
    impressions JSONB   NOT NULL
);
CREATE INDEX event_note ON event (note_id);

CREATE TABLE talk (
    id               TEXT PRIMARY KEY,
    event_id         TEXT    NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    note_id          TEXT    NOT NULL,
    position         INTEGER NOT NULL,
    title            TEXT    NOT NULL,
    speaker          TEXT,
    duration_minutes INTEGER,
    kind             TEXT,
    line             INTEGER NOT NULL,
    text             TEXT    NOT NULL,
    bullets          JSONB   NOT NULL,
    links            JSONB   NOT NULL,
    taxonomy_version TEXT
);
CREATE INDEX talk_event ON talk (event_id, position);

CREATE TABLE talk_topic (
    talk_id  TEXT             NOT NULL REFERENCES talk (id) ON DELETE CASCADE,
    slug     TEXT             NOT NULL,
    label    TEXT             NOT NULL,
    score    DOUBLE PRECISION NOT NULL,
    evidence JSONB            NOT NULL,
    PRIMARY KEY (talk_id, slug)
);
CREATE INDEX talk_topic_slug ON talk_topic (slug, talk_id);
