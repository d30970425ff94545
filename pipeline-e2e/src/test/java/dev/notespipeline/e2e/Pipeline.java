package dev.notespipeline.e2e;

import dev.notespipeline.infra.EmbeddedPostgresServer;
import dev.notespipeline.infra.FreePorts;
import dev.notespipeline.infra.SharedInfra;
import dev.notespipeline.infra.UserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The three services as processes on free ports, with a bucket folder, over the JVM's Kafka broker and PostgreSQL
 * server (or the user's own): what a user starts with {@code deploy/local/run.sh}.
 */
final class Pipeline implements AutoCloseable {

    static final Path ROOT = Path.of(System.getProperty("pipeline.root", "..")).toAbsolutePath().normalize();
    static final Path SAMPLES = ROOT.resolve("note-parser/src/test/resources/notes");

    final Path work;
    final Path bucket;
    final Path logs;
    private final Map<String, String> environment = new HashMap<>();
    private int ingestPort;
    ServiceProcess ingest;
    ServiceProcess enrich;
    ServiceProcess query;

    private Pipeline(Path work) throws IOException {
        this.work = Files.createDirectories(work);
        this.bucket = Files.createTempDirectory(work, "bucket-");
        this.logs = work.resolve("logs");
    }

    /** Starts the services; {@code name} is their folder under pipeline-e2e/target (bucket, logs). */
    static Pipeline start(String name) {
        try {
            Pipeline pipeline = new Pipeline(ROOT.resolve("pipeline-e2e/target").resolve(name));
            pipeline.startServices();
            return pipeline;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startServices() throws IOException {
        // Servers the user names are used as they are; otherwise this JVM starts real ones.
        String kafka = UserSettings.get("kafka.bootstrap.servers");
        environment.put("KAFKA_BOOTSTRAP_SERVERS", kafka != null ? kafka : SharedInfra.kafka().bootstrapServers());
        if (UserSettings.get("quarkus.datasource.jdbc.url") == null) {
            EmbeddedPostgresServer postgres = SharedInfra.postgres();
            environment.put("QUARKUS_DATASOURCE_JDBC_URL", postgres.jdbcUrl());
            environment.put("QUARKUS_DATASOURCE_USERNAME", postgres.username());
            environment.put("QUARKUS_DATASOURCE_PASSWORD", postgres.password());
        }
        environment.put("PIPELINE_BUCKET_URL", "file:" + bucket);
        // Tests read these logs (trace ids, outcomes): lines of an earlier run must not answer for this one.
        try (Stream<Path> old = Files.exists(logs) ? Files.list(logs) : Stream.empty()) {
            for (Path log : old.toList()) {
                Files.delete(log);
            }
        }
        int queryPort = FreePorts.pick();
        int enrichPort = FreePorts.pick();
        ingestPort = FreePorts.pick();
        Map<String, String> queryEnvironment = new HashMap<>(environment);
        // The page's memo preview asks the other two services on its behalf.
        queryEnvironment.put("QUERY_PREVIEW_INGEST_URL", "http://127.0.0.1:" + ingestPort);
        queryEnvironment.put("QUERY_PREVIEW_ENRICH_URL", "http://127.0.0.1:" + enrichPort);
        query = ServiceProcess.start(ROOT, "query-service", queryPort, queryEnvironment, logs);
        enrich = ServiceProcess.start(ROOT, "enrich-service", enrichPort, environment, logs);
        startIngest();
    }

    /** Stops ingest-service, as an upgrade would; {@link #startIngest} starts it again. */
    void stopIngest() {
        ingest.close();
    }

    /** Starts ingest-service on its port, where query-service sends the page's previews. */
    void startIngest() {
        ingest = ServiceProcess.start(ROOT, "ingest-service", ingestPort, environment, logs);
    }

    /** The pipeline's PostgreSQL database: query-service's tables, and ingest's ledger in schema {@code ingest}. */
    Connection database() throws SQLException {
        return DriverManager.getConnection(setting("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url"),
                setting("QUARKUS_DATASOURCE_USERNAME", "quarkus.datasource.username"),
                setting("QUARKUS_DATASOURCE_PASSWORD", "quarkus.datasource.password"));
    }

    /** What the services were given: this JVM's server, or the user's own. */
    private String setting(String variable, String key) {
        return environment.containsKey(variable) ? environment.get(variable) : UserSettings.get(key);
    }

    /** Restarts enrich-service with these settings added (a new taxonomy), on a port of its own. */
    void restartEnrich(Map<String, String> settings) {
        enrich.close();
        Map<String, String> changed = new HashMap<>(environment);
        changed.putAll(settings);
        enrich = ServiceProcess.start(ROOT, "enrich-service", FreePorts.pick(), changed, logs);
    }

    /** The first line of the service's log that contains {@code text}, or null. */
    static String logLine(ServiceProcess service, String text) throws IOException {
        return Files.readAllLines(service.log()).stream().filter(line -> line.contains(text)).findFirst().orElse(null);
    }

    @Override
    public void close() {
        for (ServiceProcess service : new ServiceProcess[] {ingest, enrich, query}) {
            if (service != null) {
                service.close();
            }
        }
    }
}
