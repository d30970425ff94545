package dev.notespipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Resident memory of the services' processes (from /proc) and their start-up times (from their logs). */
final class Footprint {

    static final String[] SERVICES = {"ingest-service", "enrich-service", "query-service"};
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    /** The local stack's process, which runs the Kafka broker (PostgreSQL runs as processes of its own). */
    static final String BROKER = "kafka (local stack)";

    private final Map<String, Long> pids = new LinkedHashMap<>();
    private Long brokerPid;
    private final Map<String, Long> peakKb = new LinkedHashMap<>();

    Footprint() {
        ProcessHandle.allProcesses().forEach(process -> process.info().commandLine().ifPresent(command -> {
            if (command.contains("dev.notespipeline.infra.LocalStack")) {
                brokerPid = process.pid();
            }
            for (String service : SERVICES) {
                // The local stack starts each service from its own directory (for its class archive): -jar quarkus-run.jar.
                if (command.contains(service + "/target/quarkus-app/quarkus-run.jar")
                        || command.contains("quarkus-run.jar") && runsIn(process.pid(), service + "/target/quarkus-app")) {
                    pids.put(service, process.pid());
                }
            }
        }));
    }

    private static boolean runsIn(long pid, String directory) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "cwd")).toString().endsWith(directory);
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    Map<String, Long> rssKb() {
        Map<String, Long> rss = new LinkedHashMap<>();
        pids.forEach((service, pid) -> rss.put(service, vmRssKb(pid)));
        return rss;
    }

    /** The process id of a service of the local stack. */
    long pid(String service) {
        Long pid = pids.get(service);
        if (pid == null) {
            throw new IllegalStateException(service + " is not running (no quarkus-run.jar process of it)");
        }
        return pid;
    }

    /** The services' processes and the broker's, by name, to account for their CPU. */
    Map<String, Long> processes() {
        Map<String, Long> processes = new LinkedHashMap<>(pids);
        if (brokerPid != null) {
            processes.put(BROKER, brokerPid);
        }
        return processes;
    }

    void resetPeak() {
        peakKb.clear();
    }

    void sample() {
        rssKb().forEach((service, kb) -> peakKb.merge(service, kb, Math::max));
    }

    Map<String, Long> peaks() {
        return Map.copyOf(peakKb);
    }

    /** The start-up time Quarkus logged, in seconds. */
    static Optional<Double> startupSeconds(Path logDir, String service) {
        try {
            for (String line : Files.readAllLines(logDir.resolve(service + ".log"))) {
                Matcher matcher = STARTED.matcher(line);
                if (matcher.find()) {
                    return Optional.of(Double.valueOf(matcher.group(1)));
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static long vmRssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return 0;
    }
}
