package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.buckets.RejectedObjectException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** A memo's bytes as text: UTF-8 only, without a byte-order mark; empty and binary files are refused. */
final class ContentDecoder {

    private ContentDecoder() {
    }

    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new RejectedObjectException("invalid-utf8", "the file is not valid UTF-8 text: " + e.getMessage());
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        // NUL never occurs in text; valid UTF-8 with NULs is an image, an archive or a UTF-16 file.
        if (text.indexOf('\0') >= 0) {
            throw new RejectedObjectException("binary", "the file contains NUL bytes: binary content, not a Markdown memo");
        }
        if (text.isBlank()) {
            throw new RejectedObjectException("empty", "the file is empty");
        }
        return text;
    }
}
