-- PENDING: a note about to be published for the first time (or again after a deletion). Written before the record
-- goes to Kafka, so a crash between Kafka's acknowledgement and the ledger's update cannot leave a note on Kafka
-- that the ledger does not know: its file's deletion still sends a tombstone.
ALTER TABLE ingest.note_ledger DROP CONSTRAINT note_ledger_status_check;
ALTER TABLE ingest.note_ledger ADD CONSTRAINT note_ledger_status_check
    CHECK (status IN ('PENDING', 'OK', 'REJECTED', 'DELETED'));
