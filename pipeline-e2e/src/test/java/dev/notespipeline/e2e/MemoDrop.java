package dev.notespipeline.e2e;

import dev.notespipeline.bench.CorpusGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Drops generated memos into the bucket at an even pace, as a user copying a year of notes would, and edits and deletes
 * some of those already dropped. Each file appears whole (written beside the bucket, then moved in), so what ingest
 * reads is always a memo the user wrote.
 */
final class MemoDrop {

    private static final long SEED = 11;
    /** An edit's memo comes from another seed: other titles, so other talk ids, which a stale version would keep. */
    private static final long EDIT_SEED = 12;

    private final Path bucket;
    private final Path staging;
    private final SplittableRandom random = new SplittableRandom(SEED);
    private final List<Integer> present = new ArrayList<>();
    private int edits;
    private int deletions;

    MemoDrop(Path bucket, Path staging) {
        this.bucket = bucket;
        this.staging = staging;
    }

    /** Drops {@code count} memos over {@code duration}, with an edit after every tenth and a deletion after every twentieth. */
    void run(int count, Duration duration) {
        long pauseMillis = duration.toMillis() / Math.max(1, count);
        for (int index = 0; index < count; index++) {
            put(CorpusGenerator.key(SEED, index), utf8(CorpusGenerator.memo(SEED, index)));
            present.add(index);
            if (index % 10 == 9) {
                int edited = present.get(random.nextInt(present.size()));
                put(CorpusGenerator.key(SEED, edited), utf8(CorpusGenerator.memo(EDIT_SEED, edited)));
                edits++;
            }
            if (index % 20 == 19) {
                int deleted = present.remove(random.nextInt(present.size()));
                delete(CorpusGenerator.key(SEED, deleted));
                deletions++;
            }
            sleep(pauseMillis);
        }
    }

    int edits() {
        return edits;
    }

    int deletions() {
        return deletions;
    }

    /** Puts {@code content} into the bucket under {@code key} at once. */
    void put(String key, byte[] content) {
        try {
            Files.createDirectories(staging);
            Path file = bucket.resolve(key);
            Files.createDirectories(file.getParent());
            Path written = Files.write(staging.resolve(file.getFileName()), content);
            Files.move(written, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot drop " + key, e);
        }
    }

    private void delete(String key) {
        try {
            Files.delete(bucket.resolve(key));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + key, e);
        }
    }

    private static byte[] utf8(String memo) {
        return memo.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dropping memos", e);
        }
    }
}
