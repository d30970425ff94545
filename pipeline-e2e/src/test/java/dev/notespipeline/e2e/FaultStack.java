package dev.notespipeline.e2e;

import dev.notespipeline.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The local stack as {@code deploy/local/run.sh} starts it — Kafka and PostgreSQL from {@code pipeline-infra} with
 * their data kept on disk, the three packaged services, a bucket folder — with each part in a process of its own, so
 * that the fault suite can kill, stop, restart or freeze any of them.
 */
final class FaultStack implements AutoCloseable {

    /** The admin's password of this stack (ingest's rescan and dead letters); not a secret. */
    static final String ADMIN_PASSWORD = "fault-suite-admin";
    /** How often ingest lists the whole bucket: shorter than the local stack's 30 s, so a pass falls in every fault. */
    static final Duration RECONCILE_INTERVAL = Duration.ofSeconds(10);

    final Path work;
    final Path bucket;
    final Path staging;
    final Path logs;
    final InfraProcess kafka;
    final InfraProcess postgres;
    private final Map<String, ServiceProcess> services = new HashMap<>();

    private FaultStack(Path work, InfraProcess kafka, InfraProcess postgres) {
        this.work = work;
        this.bucket = work.resolve("bucket");
        this.staging = work.resolve("staging");
        this.logs = work.resolve("logs");
        this.kafka = kafka;
        this.postgres = postgres;
    }

    /** Starts everything afresh under {@code work} (what an earlier run left there is deleted first). */
    static FaultStack start(Path work) {
        try {
            deleteRecursively(work);
            Files.createDirectories(work.resolve("bucket"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path logs = work.resolve("logs");
        InfraProcess postgres = InfraProcess.start(InfraProcess.Server.POSTGRES, FreePorts.pick(), work.resolve("data"), logs);
        FaultStack stack;
        try {
            InfraProcess kafka = InfraProcess.start(InfraProcess.Server.KAFKA, FreePorts.pick(), work.resolve("data"), logs);
            stack = new FaultStack(work, kafka, postgres);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        try {
            stack.startServices();
        } catch (RuntimeException e) {
            // A service that cannot start (not packaged, say) must not leave the servers running after the test.
            stack.close();
            throw e;
        }
        return stack;
    }

    private void startServices() {
        Map<String, String> environment = new HashMap<>();
        environment.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + kafka.port());
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl());
        environment.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        environment.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        environment.put("PIPELINE_BUCKET_URL", "file:" + bucket);
        environment.put("PIPELINE_BUCKET_RECONCILE_INTERVAL", RECONCILE_INTERVAL.toSeconds() + "s");
        environment.put("PIPELINE_INGEST_ADMIN_PASSWORD", ADMIN_PASSWORD);
        int ingestPort = FreePorts.pick();
        int enrichPort = FreePorts.pick();
        Map<String, String> queryEnvironment = new HashMap<>(environment);
        queryEnvironment.put("QUERY_PREVIEW_INGEST_URL", "http://127.0.0.1:" + ingestPort);
        queryEnvironment.put("QUERY_PREVIEW_ENRICH_URL", "http://127.0.0.1:" + enrichPort);
        services.put("query-service", ServiceProcess.start(Pipeline.ROOT, "query-service", FreePorts.pick(), queryEnvironment, logs));
        services.put("enrich-service", ServiceProcess.start(Pipeline.ROOT, "enrich-service", enrichPort, environment, logs));
        services.put("ingest-service", ServiceProcess.start(Pipeline.ROOT, "ingest-service", ingestPort, environment, logs));
    }

    static List<String> serviceNames() {
        return List.of("ingest-service", "enrich-service", "query-service");
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** kill -9 of {@code name}, then the same service started again; waits until it is ready. */
    void killAndRestart(String name, long pauseMillis) throws InterruptedException {
        services.get(name).kill();
        Thread.sleep(pauseMillis);
        services.put(name, services.get(name).restarted());
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.port() + "/notes";
    }

    @Override
    public void close() {
        for (String name : serviceNames()) {
            ServiceProcess service = services.get(name);
            if (service != null) {
                service.close();
            }
        }
        kafka.close();
        postgres.close();
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
