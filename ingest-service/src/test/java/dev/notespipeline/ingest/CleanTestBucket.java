package dev.notespipeline.ingest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Empties the test bucket folder ({@code %test.pipeline.bucket.url}) before the service starts: the ledger of a
 * test run starts empty, so files left by an earlier run would be published again and confuse its tests.
 */
public class CleanTestBucket implements QuarkusTestResourceLifecycleManager {

    static final Path FOLDER = Path.of("target/test-bucket");

    @Override
    public Map<String, String> start() {
        if (Files.exists(FOLDER)) {
            try (Stream<Path> paths = Files.walk(FOLDER)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot empty the test bucket " + FOLDER, e);
            }
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The files stay for a look after the run; the next run empties the folder.
    }
}
