package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.buckets.Bucket;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.buckets.MemoNames;
import dev.notespipeline.ingest.messaging.DeadLetter;
import dev.notespipeline.ingest.messaging.DeadLetterTopics;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Replays dead letters after the fault downstream was fixed: the note is published again from its file as it is now
 * (a new version), so enrich-service and query-service process it afresh; the dead letter is then dropped. A note
 * whose file is gone has nothing to replay, and its dead letter is dropped too. Replaying never sends a dead letter's
 * own, possibly stale, text.
 */
@ApplicationScoped
public class DeadLetterReplay {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplay.class);

    /** What became of one note's dead letters. */
    public enum Result {
        /** Published again; its dead letters are dropped. */
        PUBLISHED,
        /** Its file is now rejected (the ledger says why); its dead letters are dropped. */
        REJECTED,
        /** Its file is gone; its dead letters are dropped. */
        GONE,
        /** It could not be published now (Kafka, the bucket or the ledger is unreachable); its dead letters stay. */
        RETRY
    }

    /** @param topics the dead-letter topics the note had a dead letter in */
    public record Replayed(String key, List<String> topics, Result result) {
    }

    private final DeadLetterTopics deadLetters;
    private final Bucket bucket;
    private final NoteIngestor ingestor;
    private final NoteLedger ledger;

    public DeadLetterReplay(DeadLetterTopics deadLetters, Bucket bucket, NoteIngestor ingestor, NoteLedger ledger) {
        this.deadLetters = deadLetters;
        this.bucket = bucket;
        this.ingestor = ingestor;
        this.ledger = ledger;
    }

    /** Replays the dead letters of {@code key}, or all of them; empty when there is none to replay. */
    public List<Replayed> replay(Optional<String> key) {
        Map<String, List<String>> topicsByKey = new LinkedHashMap<>();
        for (DeadLetter letter : deadLetters.list()) {
            if (key.isEmpty() || key.get().equals(letter.key())) {
                topicsByKey.computeIfAbsent(letter.key(), k -> new ArrayList<>()).add(letter.topic());
            }
        }
        List<Replayed> replayed = new ArrayList<>();
        topicsByKey.forEach((note, topics) -> {
            Result result = replayOne(note);
            if (result != Result.RETRY) {
                topics.forEach(topic -> deadLetters.drop(topic, note));
            }
            LOG.infof("replayed the dead letters of %s: %s", MemoNames.printable(note), result);
            replayed.add(new Replayed(note, List.copyOf(topics), result));
        });
        return replayed;
    }

    private Result replayOne(String key) {
        Optional<BucketObject> object;
        try {
            object = bucket.stat(key);
        } catch (IOException | RuntimeException e) {
            LOG.warnf("cannot look at %s in the bucket: %s", MemoNames.printable(key), e.getMessage());
            return Result.RETRY;
        }
        if (object.isEmpty()) {
            return Result.GONE;
        }
        try {
            return switch (ingestor.replay(object.get(), ledger.find(key))) {
                case PUBLISHED, UNCHANGED -> Result.PUBLISHED;
                case REJECTED -> Result.REJECTED;
                case DELETED, RETRY -> Result.RETRY;
            };
        } catch (RuntimeException e) {
            LOG.warnf("cannot replay %s now: %s", MemoNames.printable(key), e.getMessage());
            return Result.RETRY;
        }
    }
}
