package dev.notespipeline.ingest.buckets;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import org.jboss.logging.Logger;

/**
 * Filesystem events of a bucket folder and all its subfolders, passed on as changed keys. Only for speed: events can
 * overflow or be missed (a folder created and filled before it is registered), which the periodic listing covers.
 */
final class FolderEvents implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FolderEvents.class);

    private final FolderBucket bucket;
    private final BucketChangeListener listener;
    private final WatchService watchService;
    private final Thread thread;

    private FolderEvents(FolderBucket bucket, BucketChangeListener listener) throws IOException {
        this.bucket = bucket;
        this.listener = listener;
        this.watchService = FileSystems.getDefault().newWatchService();
        this.thread = new Thread(this::run, "bucket-folder-events");
        this.thread.setDaemon(true);
    }

    static FolderEvents start(FolderBucket bucket, BucketChangeListener listener) throws IOException {
        FolderEvents events = new FolderEvents(bucket, listener);
        events.registerTree(bucket.root());
        events.thread.start();
        return events;
    }

    @Override
    public void close() throws IOException {
        watchService.close();
    }

    private void run() {
        while (true) {
            WatchKey key;
            try {
                key = watchService.take();
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            }
            try {
                Path dir = (Path) key.watchable();
                for (WatchEvent<?> event : key.pollEvents()) {
                    onEvent(dir, event);
                }
            } catch (RuntimeException e) {
                // The periodic listing still finds whatever this event was about.
                LOG.warnf(e, "cannot handle a filesystem event; the next listing will catch up");
                listener.listingNeeded();
            }
            key.reset();
        }
    }

    private void onEvent(Path dir, WatchEvent<?> event) {
        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
            listener.listingNeeded();
            return;
        }
        Path path = dir.resolve((Path) event.context());
        String key = bucket.key(path);
        if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path)) {
            // Memos may already be inside (a folder moved in, or filled before it was registered).
            registerTree(path);
            listener.listingNeeded();
        } else if (MemoNames.isMemo(key)) {
            listener.changed(key);
        } else if (event.kind() == StandardWatchEventKinds.ENTRY_DELETE && !path.getFileName().toString().startsWith(".")) {
            // Perhaps a folder full of memos. Not a dot name: dotfiles and dot folders are never read, and a writer's
            // temporary file renamed to its memo (.memo.md.tmp) must not cost a listing of the whole bucket.
            listener.listingNeeded();
        }
    }

    private void registerTree(Path top) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    if (!dir.equals(bucket.root()) && dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    dir.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                            StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.warnf("cannot watch %s for changes (%s); listings still find them", top, e.getMessage());
        }
    }
}
