package dev.notespipeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Kafka or PostgreSQL as the local stack runs them: {@code pipeline-infra}'s {@code LocalStack} in a process of its
 * own (the classes and libraries {@code deploy/local/run.sh} starts it from), on a fixed port with its data kept in a
 * folder, so that it can be stopped, started again with its data, or frozen.
 */
final class InfraProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    /** Which server a process runs. */
    enum Server {
        KAFKA, POSTGRES
    }

    private final Server server;
    private final int port;
    private final Path dataDir;
    private final Path log;
    private Process process;

    private InfraProcess(Server server, int port, Path dataDir, Path log) {
        this.server = server;
        this.port = port;
        this.dataDir = dataDir;
        this.log = log;
    }

    /** Starts {@code server} on {@code port}, keeping its data under {@code dataDir}, and waits until it is ready. */
    static InfraProcess start(Server server, int port, Path dataDir, Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        InfraProcess infra = new InfraProcess(server, port, dataDir, logDir.resolve(server.name().toLowerCase() + ".log"));
        infra.start();
        return infra;
    }

    /** Starts the server again with the data it had (after {@link #stop()}). */
    void start() {
        Path infra = Pipeline.ROOT.resolve("pipeline-infra/target");
        if (!Files.isDirectory(infra.resolve("lib"))) {
            throw new IllegalStateException(infra.resolve("lib") + " is missing: package pipeline-infra first (./mvnw verify does)");
        }
        List<String> command = new ArrayList<>(List.of(Processes.javaExecutable(), "-Xmx512m", "-cp",
                infra.resolve("classes") + ":" + infra.resolve("lib") + "/*", "dev.notespipeline.infra.LocalStack",
                "--data", dataDir.toString()));
        command.addAll(server == Server.KAFKA
                ? List.of("--kafka-port", Integer.toString(port), "--no-postgres")
                : List.of("--postgres-port", Integer.toString(port), "--no-kafka"));
        try {
            long before = Files.exists(log) ? Files.size(log) : 0;
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            Instant deadline = Instant.now().plus(START_TIMEOUT);
            while (!readySince(before)) {
                if (!process.isAlive() || Instant.now().isAfter(deadline)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(server + " did not start on port " + port + "; see " + log);
                }
                Thread.sleep(200);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + server, e);
        }
    }

    /** Stops the server as an operator's restart would (SIGTERM: Kafka and PostgreSQL shut down cleanly). */
    void stop() {
        Processes.stop(process, Duration.ofSeconds(60));
    }

    /**
     * Freezes every PostgreSQL process (SIGSTOP), as a stalled disk or a paused virtual machine would: connections stay
     * open and nothing answers. {@link #thaw()} lets them go on.
     */
    void freeze() {
        signal("-STOP");
    }

    void thaw() {
        signal("-CONT");
    }

    int port() {
        return port;
    }

    private void signal(String signal) {
        if (server != Server.POSTGRES) {
            throw new IllegalStateException("only PostgreSQL is frozen");
        }
        try {
            // The postmaster's pid is the first line of postmaster.pid; the backends are its children.
            long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
            List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(postmaster)));
            ProcessHandle.of(postmaster).ifPresent(handle -> handle.descendants()
                    .forEach(child -> command.add(Long.toString(child.pid()))));
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited with " + exit);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot signal PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while signalling PostgreSQL", e);
        }
    }

    private boolean readySince(long offset) throws IOException {
        if (!Files.exists(log)) {
            return false;
        }
        byte[] bytes = Files.readAllBytes(log);
        String written = new String(bytes, (int) Math.min(offset, bytes.length), (int) Math.max(0, bytes.length - offset));
        return written.lines().anyMatch(line -> line.startsWith("READY"));
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            stop();
        }
    }
}
