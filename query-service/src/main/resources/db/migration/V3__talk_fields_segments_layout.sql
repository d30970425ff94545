-- Contract schema version 2: a talk's affiliation, track (the group headings above it) and session code; a title
-- that may be null (a heading naming only its speaker); an event's segments (breaks, greetings, parties, Q&A…, never
-- talks); the note's parser version and layout report. Rows stored before keep working: every new column is
-- nullable or has a default, so a version-1 note and an old row read the same way (no affiliation, no segments,
-- no layout report).
ALTER TABLE talk ALTER COLUMN title DROP NOT NULL;
ALTER TABLE talk ADD COLUMN affiliation TEXT;
ALTER TABLE talk ADD COLUMN track TEXT;
ALTER TABLE talk ADD COLUMN code TEXT;

ALTER TABLE event ADD COLUMN segments JSONB NOT NULL DEFAULT '[]';

-- Null: the note came from ingest before it recorded parser versions (a version-1 record).
ALTER TABLE note ADD COLUMN parser_version INTEGER;
ALTER TABLE note ADD COLUMN layout JSONB;
