package dev.notespipeline.query.outage;

import dev.notespipeline.infra.EmbeddedPostgresServer;
import dev.notespipeline.infra.FreePorts;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Points the service at a PostgreSQL server of its own, on a fixed port with a kept data directory, so a test
 * can stop and restart it without touching the database every other test shares.
 */
public class OwnDatabaseProfile implements QuarkusTestProfile {

    static final String DATABASE = "outage";
    static final int PORT = FreePorts.pick();
    static final Path DATA_DIR = tempDir();
    private static EmbeddedPostgresServer server;

    static synchronized EmbeddedPostgresServer start() {
        if (server == null) {
            server = EmbeddedPostgresServer.start(DATA_DIR, PORT, DATABASE);
            Runtime.getRuntime().addShutdownHook(new Thread(OwnDatabaseProfile::stop, "stop-outage-postgres"));
        }
        return server;
    }

    static synchronized void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        EmbeddedPostgresServer postgres = start();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", postgres.username(),
                "quarkus.datasource.password", postgres.password(),
                // Its own consumer group: this application reads notes.enriched from the start on its own.
                "mp.messaging.incoming.notes-enriched.group.id", "query-service-outage-test",
                "query.store.retry.max-backoff", "PT1S");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("notes-outage-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
