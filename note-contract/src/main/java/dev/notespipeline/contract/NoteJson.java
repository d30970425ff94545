package dev.notespipeline.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * Reads and writes the contract's records as JSON.
 *
 * <p>Services consume the raw string and decode it here, not in a Kafka deserializer: a record that
 * fails to decode must reach the dead-letter topic with its reason, and a deserializer failure would
 * otherwise surface as a null value, which in this contract means "deleted".
 */
public final class NoteJson {

    /**
     * The contract version this code writes and the newest it reads. Version 2 added the talk's affiliation, track and
     * code, the event's segments, and the note's parser version and layout report; version 1 records still read.
     */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private NoteJson() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static ParsedNote readParsed(String json) {
        ParsedNote note = read(json, ParsedNote.class);
        checkVersion(note.schemaVersion());
        if (note.noteId() == null || note.noteId().isBlank()) {
            throw new NoteFormatException("parsed note has no noteId");
        }
        return note;
    }

    public static EnrichedNote readEnriched(String json) {
        EnrichedNote enriched = read(json, EnrichedNote.class);
        checkVersion(enriched.schemaVersion());
        if (enriched.note() == null || enriched.note().noteId() == null) {
            throw new NoteFormatException("enriched note has no note or noteId");
        }
        return enriched;
    }

    private static <T> T read(String json, Class<T> type) {
        if (json == null || json.isBlank()) {
            throw new NoteFormatException("empty " + type.getSimpleName() + " record");
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new NoteFormatException("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    private static void checkVersion(int schemaVersion) {
        if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
            throw new NoteFormatException("unsupported schemaVersion " + schemaVersion
                    + " (this service reads 1 to " + SCHEMA_VERSION + ")");
        }
    }
}
