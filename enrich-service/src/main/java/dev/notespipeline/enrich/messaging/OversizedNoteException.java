package dev.notespipeline.enrich.messaging;

import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.RecordLimits;

/**
 * A note whose enriched form is larger than a record of {@code notes.enriched} may be: writing it would fail, so it
 * is not tried. Ingest rejects the parsed notes that could lead here; a record that did not come through ingest's
 * check can.
 */
public class OversizedNoteException extends RuntimeException {

    public OversizedNoteException(String noteId, long bytes) {
        super("the enriched note " + noteId + " is " + bytes + " bytes; a record of " + PipelineTopics.ENRICHED
                + " holds at most " + RecordLimits.MAX_ENRICHED_NOTE_BYTES + " (RecordLimits)");
    }
}
