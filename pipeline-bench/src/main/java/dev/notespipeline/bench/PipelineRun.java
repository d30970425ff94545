package dev.notespipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops a batch of memos into the watched bucket at once and times each stage until every talk is queryable:
 * ingest (its records on notes.parsed), enrich (on notes.enriched), query (talk rows stored).
 */
final class PipelineRun {

    /** When each stage had handled the whole batch, measured from the drop, and the CPU per talk until the last. */
    record Result(int memos, long talks, Duration ingestDone, Duration enrichDone, Duration queryDone, CpuMeter.Usage cpu) {
        double endToEndTalksPerSecond() {
            return talks / (queryDone.toNanos() / 1e9);
        }
    }

    private PipelineRun() {
    }

    /**
     * @param staging a folder on the bucket's filesystem holding the batch, moved into the bucket file by file
     *     (a rename, so ingest never sees half a file)
     */
    static Result run(StackProbe probe, Path staging, List<String> keys, long talks, Path bucket, Footprint footprint,
                      Duration timeout) throws Exception {
        long parsedBase = probe.parsedRecords();
        long enrichedBase = probe.enrichedRecords();
        long talksBase = probe.storedTalks();
        footprint.resetPeak();
        CpuMeter.Sample cpuAtDrop = CpuMeter.sample(footprint.processes());
        long start = System.nanoTime();
        for (String key : keys) {
            Path target = bucket.resolve(key);
            Files.createDirectories(target.getParent());
            Files.move(staging.resolve(key), target, StandardCopyOption.ATOMIC_MOVE);
        }
        Duration ingest = null;
        Duration enrich = null;
        Duration query = null;
        CpuMeter.Usage cpu = null;
        long deadline = start + timeout.toNanos();
        while (query == null || ingest == null || enrich == null) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the batch of " + keys.size() + " memos was not queryable within " + timeout
                        + " (parsed " + (probe.parsedRecords() - parsedBase) + ", enriched " + (probe.enrichedRecords() - enrichedBase)
                        + ", talks " + (probe.storedTalks() - talksBase) + " of " + talks + ")");
            }
            Duration now = Duration.ofNanos(System.nanoTime() - start);
            if (ingest == null && probe.parsedRecords() - parsedBase >= keys.size()) {
                ingest = now;
            }
            if (enrich == null && probe.enrichedRecords() - enrichedBase >= keys.size()) {
                enrich = now;
            }
            if (query == null && probe.storedTalks() - talksBase >= talks) {
                query = now;
                cpu = CpuMeter.between(cpuAtDrop, CpuMeter.sample(footprint.processes()), talks);
            }
            footprint.sample();
            Thread.sleep(100);
        }
        return new Result(keys.size(), talks, ingest, enrich, query, cpu);
    }

    /** Drops single memos one at a time, at rest, and measures drop-to-queryable for each. */
    static List<Duration> latencies(StackProbe probe, Path bucket, long seed, int count) throws Exception {
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "latency/" + seed + "-" + i + ".md";
            Path file = bucket.resolve(key);
            Files.createDirectories(file.getParent());
            String memo = CorpusGenerator.memo(seed + 7, i);
            Path temporary = file.resolveSibling("." + file.getFileName() + ".tmp");
            Files.writeString(temporary, memo);
            long start = System.nanoTime();
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            while (!probe.noteStored(key)) {
                if (System.nanoTime() - start > Duration.ofSeconds(60).toNanos()) {
                    throw new IOException("memo " + key + " was not queryable within 60 s");
                }
                Thread.sleep(5);
            }
            latencies.add(Duration.ofNanos(System.nanoTime() - start));
            Thread.sleep(300);
        }
        return latencies;
    }
}
