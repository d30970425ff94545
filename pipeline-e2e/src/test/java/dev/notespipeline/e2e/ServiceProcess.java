package dev.notespipeline.e2e;

import dev.notespipeline.infra.FreePorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One of the pipeline's services, run from its packaged jar as a separate process, as users run it. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path root;
    private final String name;
    private final Map<String, String> environment;
    private final Process process;
    private final int port;
    private final int managementPort;
    private final Path log;

    private ServiceProcess(Path root, String name, Map<String, String> environment, Process process, int port,
            int managementPort, Path log) {
        this.root = root;
        this.name = name;
        this.environment = Map.copyOf(environment);
        this.process = process;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
    }

    /**
     * Starts {@code <root>/<module>/target/quarkus-app/quarkus-run.jar} with {@code environment} on {@code port} (its
     * management interface on a free port) and waits until its readiness check answers UP.
     */
    static ServiceProcess start(Path root, String module, int port, Map<String, String> environment, Path logDir) {
        return start(root, module, port, FreePorts.pick(), environment, logDir);
    }

    private static ServiceProcess start(Path root, String module, int port, int managementPort,
            Map<String, String> environment, Path logDir) {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw verify does)");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(module + ".log");
            ProcessBuilder builder = new ProcessBuilder(Processes.javaExecutable(), "-Xmx256m", "-jar", jar.toString())
                    .directory(root.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
            builder.environment().put("QUARKUS_MANAGEMENT_PORT", Integer.toString(managementPort));
            ServiceProcess service = new ServiceProcess(root, module, environment, builder.start(), port, managementPort, log);
            service.awaitReady(Duration.ofSeconds(90));
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + module, e);
        }
    }

    /** The module's name: {@code ingest-service}, {@code enrich-service} or {@code query-service}. */
    String name() {
        return name;
    }

    /** Kills the process with SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown at all. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Starts the same service again, on the same ports with the same settings, and waits until it is ready. */
    ServiceProcess restarted() {
        return start(root, name, port, managementPort, environment, log.getParent());
    }

    /** Everything the service wrote to its standard output and error. */
    Path log() {
        return log;
    }

    /** The public port: the API and the page. */
    String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** The management interface: health, metrics, OpenAPI. */
    String managementUri() {
        return "http://127.0.0.1:" + managementPort;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(managementUri() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
            sleep(Duration.ofMillis(300));
        }
        close();
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    @Override
    public void close() {
        Processes.stop(process, Duration.ofSeconds(20));
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
