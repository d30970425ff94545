package dev.notespipeline.ingest.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.RejectedObjectException;
import java.io.IOException;
import java.io.OutputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Identifies what the parser made of a memo, so that a newer parser's reading can be compared with what was
 * published: SHA-256 of the parsed note as JSON with sorted keys, without the fields that change with every publish
 * or every parser while the reading stays the same (contract and parser version, note version, content hash,
 * detection time). The layout report is part of the result: a changed report is worth republishing.
 */
final class ParseResultHash {

    @JsonIgnoreProperties({"schemaVersion", "version", "contentHash", "detectedAt", "parserVersion"})
    private interface WithoutPerPublishFields {
    }

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addMixIn(ParsedNote.class, WithoutPerPublishFields.class)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ParseResultHash() {
    }

    /** @throws RejectedObjectException when the note cannot be written as JSON (so it could not be published either) */
    static String of(ParsedNote note) {
        MessageDigest sha256 = ContentHash.newDigest();
        try (OutputStream digest = new DigestOutputStream(OutputStream.nullOutputStream(), sha256)) {
            CANONICAL.writeValue(digest, note);
        } catch (IOException e) {
            // Jackson's own message names the limit hit (such as nesting depth) without its long reference chain.
            String why = e instanceof JsonProcessingException jackson ? jackson.getOriginalMessage() : e.getMessage();
            throw new RejectedObjectException("unwritable", "the parsed note cannot be written as JSON: " + why, e);
        }
        return HexFormat.of().formatHex(sha256.digest());
    }
}
