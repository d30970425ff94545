package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.config.BucketConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Lists the bucket folder on a schedule and hands every memo that was created, changed or deleted to
 * {@link NoteIngestor}. A file is read only once two listings in a row see the same size and modification
 * time, so a file still being copied is never parsed half-written.
 */
@ApplicationScoped
public class FolderWatcher {

    private static final Logger LOG = Logger.getLogger(FolderWatcher.class);

    @Inject
    BucketConfig config;

    @Inject
    NoteIngestor ingestor;

    private final Map<String, FileStamp> ingested = new HashMap<>();
    private final Map<String, FileStamp> pending = new HashMap<>();

    @Scheduled(every = "${pipeline.bucket.scan-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scan() {
        Path root = config.folder();
        Map<String, FileStamp> listing = list(root);
        if (listing == null) {
            // A failed listing must not look as if every file had been deleted.
            return;
        }
        for (Map.Entry<String, FileStamp> entry : listing.entrySet()) {
            String key = entry.getKey();
            FileStamp stamp = entry.getValue();
            if (stamp.equals(ingested.get(key))) {
                pending.remove(key);
            } else if (stamp.equals(pending.get(key))) {
                if (ingestor.ingest(key, root.resolve(key))) {
                    ingested.put(key, stamp);
                    pending.remove(key);
                }
            } else {
                pending.put(key, stamp);
            }
        }
        Set<String> gone = new HashSet<>(ingested.keySet());
        gone.removeAll(listing.keySet());
        for (String key : gone) {
            if (ingestor.delete(key)) {
                ingested.remove(key);
            }
        }
        pending.keySet().retainAll(listing.keySet());
    }

    private static Map<String, FileStamp> list(Path root) {
        Map<String, FileStamp> listing = new HashMap<>();
        if (!Files.isDirectory(root)) {
            LOG.debugf("bucket folder %s does not exist yet", root);
            return listing;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(path -> isMemo(root, path)).forEach(path -> {
                try {
                    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
                    listing.put(key(root, path), new FileStamp(attributes.size(), attributes.lastModifiedTime().toMillis()));
                } catch (IOException e) {
                    LOG.debugf("%s vanished while listing: %s", path, e.getMessage());
                }
            });
        } catch (IOException | UncheckedIOException e) {
            LOG.warnf("cannot list bucket folder %s: %s; trying again at the next scan", root, e.getMessage());
            return null;
        }
        return listing;
    }

    private static boolean isMemo(Path root, Path path) {
        if (!Files.isRegularFile(path)) {
            return false;
        }
        String name = path.getFileName().toString();
        return !name.startsWith(".") && name.endsWith(".md");
    }

    static String key(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    private record FileStamp(long size, long modifiedMillis) {
    }
}
