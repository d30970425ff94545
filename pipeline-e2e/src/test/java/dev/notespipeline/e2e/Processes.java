package dev.notespipeline.e2e;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** What the tests' server and service processes share: the JVM they start, and how they are stopped. */
final class Processes {

    private Processes() {
    }

    /** The java of the JVM running the tests, so every process runs on the same Java. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** SIGTERM, as an operator's stop; SIGKILL if {@code process} has not shut down within {@code grace}. */
    static void stop(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
