package dev.notespipeline.parser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Ids that depend only on where a thing is and what it is called, so re-ingesting an unchanged memo
 * yields the same ids and editing one talk changes no other talk's id.
 */
final class StableIds {

    private StableIds() {
    }

    /** @param occurrence how many events of the same title came before this one in the note */
    static String event(String noteId, String title, int occurrence) {
        return hash("event", noteId, title, Integer.toString(occurrence));
    }

    /** @param occurrence how many talks of the same title came before this one in the event */
    static String talk(String eventId, String title, int occurrence) {
        return hash("talk", eventId, title, Integer.toString(occurrence));
    }

    private static String hash(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
