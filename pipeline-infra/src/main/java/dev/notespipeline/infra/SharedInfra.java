package dev.notespipeline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One Kafka broker and one PostgreSQL server per JVM, started on first use and stopped when the JVM exits.
 *
 * <p>Two cores do not afford a broker per test class; every test of a JVM shares these.
 */
public final class SharedInfra {

    public static final String DATABASE = "notes";

    private SharedInfra() {
    }

    public static EmbeddedKafka kafka() {
        return KafkaHolder.KAFKA;
    }

    public static EmbeddedPostgresServer postgres() {
        return PostgresHolder.POSTGRES;
    }

    private static final class KafkaHolder {
        static final EmbeddedKafka KAFKA = startKafka();

        private static EmbeddedKafka startKafka() {
            Path logDir = tempDir("notes-kafka-");
            EmbeddedKafka kafka = EmbeddedKafka.start(logDir, 0);
            kafka.createPipelineTopics();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                deleteRecursively(logDir);
            }, "stop-embedded-kafka"));
            return kafka;
        }
    }

    private static final class PostgresHolder {
        static final EmbeddedPostgresServer POSTGRES = startPostgres();

        private static EmbeddedPostgresServer startPostgres() {
            EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(null, 0, DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "stop-embedded-postgres"));
            return postgres;
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort at exit: a leftover temporary directory is harmless.
        }
    }
}
