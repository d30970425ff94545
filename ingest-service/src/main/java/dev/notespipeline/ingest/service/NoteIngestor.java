package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.messaging.ParsedNotePublisher;
import dev.notespipeline.parser.NoteParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/** Reads one memo, parses it and publishes it; or publishes its deletion. */
@ApplicationScoped
public class NoteIngestor {

    private static final Logger LOG = Logger.getLogger(NoteIngestor.class);

    private final NoteParser parser = new NoteParser();

    @Inject
    ParsedNotePublisher publisher;

    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /**
     * @return true when the file is dealt with (published, or rejected for good), false when it must be
     *     tried again
     */
    public boolean ingest(String key, Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warnf("cannot read %s yet: %s", key, e.getMessage());
            return false;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            LOG.warnf("skipped %s: not valid UTF-8 text (%s)", key, e.getMessage());
            return true;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        ParsedNote note = parser.parse(key, text, nextVersion(key), sha256(bytes), Instant.now());
        try {
            publisher.publish(note);
        } catch (ParsedNotePublisher.PublishException e) {
            LOG.warnf("%s; will try again", e.getMessage());
            return false;
        }
        LOG.infof("published %s: %d events, %d talks", key, note.events().size(), note.talkCount());
        return true;
    }

    public boolean delete(String key) {
        try {
            publisher.publishDeletion(key);
        } catch (ParsedNotePublisher.PublishException e) {
            LOG.warnf("%s; will try again", e.getMessage());
            return false;
        }
        LOG.infof("published deletion of %s", key);
        return true;
    }

    /** Versions only grow, also across restarts, so a newer file always wins downstream. */
    private long nextVersion(String key) {
        return versions.merge(key, System.currentTimeMillis(), (previous, now) -> Math.max(previous + 1, now));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
