-- What the parser made of each file: the parser version that read it, a hash of the parse result (without what
-- changes with every publish), and the layout report. A newer parser reads again every file an older one read,
-- and republishes only those whose result hash changed.
ALTER TABLE ingest.note_ledger ADD COLUMN parser_version INTEGER;
ALTER TABLE ingest.note_ledger ADD COLUMN result_hash TEXT;
ALTER TABLE ingest.note_ledger ADD COLUMN layout JSONB;

-- Rows from before were read by parser version 1, the only one there was, where the parser read them at all:
-- published files, and files rejected by the parser or for what it produced. Their result hash is unknown, so the
-- next parser version republishes them (it cannot tell that their result stayed the same).
UPDATE ingest.note_ledger SET parser_version = 1
WHERE status = 'OK'
   OR (status = 'REJECTED' AND reason IN ('unparseable', 'parse-timeout', 'unwritable', 'record-too-large'));

