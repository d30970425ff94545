-- One row per note ever seen in the bucket. Deleted notes keep their row so that versions stay monotonic
-- when a file of the same name comes back.
CREATE TABLE ingest.note_ledger (
    note_key      TEXT PRIMARY KEY,
    content_hash  TEXT,
    version       BIGINT      NOT NULL,
    status        VARCHAR(16) NOT NULL CHECK (status IN ('OK', 'REJECTED', 'DELETED')),
    reason        TEXT,
    detail        TEXT,
    event_count   INTEGER     NOT NULL DEFAULT 0,
    talk_count    INTEGER     NOT NULL DEFAULT 0,
    fingerprint   TEXT,
    first_seen    TIMESTAMPTZ NOT NULL,
    last_changed  TIMESTAMPTZ NOT NULL
);

CREATE INDEX note_ledger_status ON ingest.note_ledger (status, note_key);
