package dev.notespipeline.ingest.buckets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A local folder, walked recursively. Symbolic links are never followed out of the folder: a linked folder is not
 * entered, and a linked memo whose target lies outside is rejected when read.
 */
public class FolderBucket implements Bucket {

    private final Path root;

    public FolderBucket(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    @Override
    public String url() {
        return "file:" + root;
    }

    @Override
    public List<BucketObject> list() throws IOException {
        checkAvailable();
        List<BucketObject> objects = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return dir.equals(root) || !dir.getFileName().toString().startsWith(".")
                        ? FileVisitResult.CONTINUE : FileVisitResult.SKIP_SUBTREE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                String key = key(file);
                if (MemoNames.isMemo(key)) {
                    describe(key, file, attributes).ifPresent(objects::add);
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                // Skipping an unreadable folder would make its memos look deleted; better no listing at all.
                throw e;
            }
        });
        return objects;
    }

    /** A folder that is gone is an outage, never an empty bucket: it would make every note look deleted. */
    @Override
    public void checkAvailable() throws IOException {
        if (!Files.isDirectory(root)) {
            throw new IOException("the bucket folder " + root + " does not exist (moved, renamed or not mounted?);"
                    + " nothing is deleted until it is back");
        }
    }

    @Override
    public Optional<BucketObject> stat(String key) throws IOException {
        Path file = resolve(key);
        try {
            return describe(key, file, Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] read(String key, long maxBytes) throws IOException {
        Path file = resolve(key);
        Path target = file.toRealPath();
        if (!target.startsWith(root.toRealPath())) {
            // The target's path stays out of the ledger, which the REST API shows to anyone.
            throw new RejectedObjectException("symlink-outside-bucket",
                    "a symbolic link to a file outside the bucket; links out of the bucket are never followed");
        }
        long size = Files.size(target);
        if (size > maxBytes) {
            throw RejectedObjectException.tooLarge(size, maxBytes);
        }
        // The file may still grow between the size check and the read.
        try (InputStream in = Files.newInputStream(target)) {
            return RejectedObjectException.readAtMost(in, maxBytes);
        }
    }

    @Override
    public AutoCloseable watch(BucketChangeListener listener) throws IOException {
        Files.createDirectories(root);
        return FolderEvents.start(this, listener);
    }

    String key(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    private Path resolve(String key) {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root) || file.equals(root)) {
            throw new RejectedObjectException("unsafe-name", "the key " + key + " points out of the bucket");
        }
        return file;
    }

    /** A regular file, or a link to one; a link's stamp is its target's, so editing the target is a change. */
    private static Optional<BucketObject> describe(String key, Path file, BasicFileAttributes attributes) throws IOException {
        BasicFileAttributes effective = attributes;
        if (attributes.isSymbolicLink()) {
            try {
                effective = Files.readAttributes(file, BasicFileAttributes.class);
            } catch (NoSuchFileException e) {
                return Optional.empty();
            }
        }
        if (!effective.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new BucketObject(key, effective.size(), effective.lastModifiedTime().toString()));
    }
}
