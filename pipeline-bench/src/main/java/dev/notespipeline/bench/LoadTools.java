package dev.notespipeline.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs wrk against an HTTP endpoint and pgbench against PostgreSQL, and reads their figures. */
final class LoadTools {

    /** Requests (or transactions) done, per second, the 99th percentile latency, and failed requests. */
    record Load(long count, double perSecond, double p99Millis, long errors) {
    }

    /**
     * The session settings query-service's connections have (its {@code quarkus.datasource.jdbc} options): the SQL
     * alone is planned the same way as when the service sends it.
     */
    private static final String SERVICE_SESSION_OPTIONS = "-c plan_cache_mode=force_custom_plan";

    private static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern REQUEST_COUNT = Pattern.compile("(\\d+) requests in ");
    private static final Pattern TRANSACTIONS = Pattern.compile("number of transactions actually processed: (\\d+)");
    private static final Pattern P99 = Pattern.compile("^\\s+99%\\s+([0-9.]+)(us|ms|s)\\s*$", Pattern.MULTILINE);
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    private LoadTools() {
    }

    static Load wrk(String url, int threads, int connections, Duration duration) throws Exception {
        String output = run(List.of("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s", "--latency", url),
                duration.plusSeconds(30), Map.of());
        Matcher requests = REQUESTS.matcher(output);
        Matcher count = REQUEST_COUNT.matcher(output);
        Matcher p99 = P99.matcher(output);
        if (!requests.find() || !count.find() || !p99.find()) {
            throw new IllegalStateException("cannot read wrk's output:\n" + output);
        }
        long errors = 0;
        Matcher non2xx = NON_2XX.matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        Matcher socket = SOCKET_ERRORS.matcher(output);
        if (socket.find()) {
            for (int group = 1; group <= 4; group++) {
                errors += Long.parseLong(socket.group(group));
            }
        }
        return new Load(Long.parseLong(count.group(1)), Double.parseDouble(requests.group(1)),
                millis(p99.group(1), p99.group(2)), errors);
    }

    /**
     * pgbench with one SQL script, in sessions set up as query-service's; the 99th percentile comes from its
     * per-transaction log.
     *
     * @param variables values for the script's {@code :name} variables (pgbench -D)
     */
    static Load pgbench(Path script, Map<String, String> variables, String host, int port, String user, String password,
                        String database, int clients, int threads, Duration duration) throws Exception {
        Path logDir = Files.createTempDirectory("pgbench-");
        List<String> command = new ArrayList<>(List.of("pgbench", "-n", "-M", "prepared", "-c", Integer.toString(clients),
                "-j", Integer.toString(threads), "-T", Long.toString(duration.toSeconds()), "-f", script.toString(), "-l",
                "--log-prefix=" + logDir.resolve("tx"), "-h", host, "-p", Integer.toString(port), "-U", user));
        variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
        command.add(database);
        String output = run(command, duration.plusSeconds(30),
                Map.of("PGPASSWORD", password, "PGOPTIONS", SERVICE_SESSION_OPTIONS));
        Matcher tps = TPS.matcher(output);
        Matcher transactions = TRANSACTIONS.matcher(output);
        if (!tps.find() || !transactions.find()) {
            throw new IllegalStateException("cannot read pgbench's output:\n" + output);
        }
        List<Long> micros = new ArrayList<>();
        try (Stream<Path> logs = Files.list(logDir)) {
            for (Path log : logs.toList()) {
                for (String line : Files.readAllLines(log)) {
                    String[] columns = line.split(" ");
                    if (columns.length >= 3) {
                        micros.add(Long.parseLong(columns[2]));
                    }
                }
            }
        }
        Collections.sort(micros);
        double p99 = micros.isEmpty() ? Double.NaN : micros.get((int) Math.min(micros.size() - 1, Math.ceil(micros.size() * 0.99) - 1)) / 1000.0;
        return new Load(Long.parseLong(transactions.group(1)), Double.parseDouble(tps.group(1)), p99, 0);
    }

    private static double millis(String value, String unit) {
        double number = Double.parseDouble(value);
        return switch (unit) {
            case "us" -> number / 1000;
            case "s" -> number * 1000;
            default -> number;
        };
    }

    private static String run(List<String> command, Duration timeout, Map<String, String> environment) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is not installed (bench/run.sh installs it with apt-get)", e);
        }
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within " + timeout);
        }
        String text = new String(output, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + text);
        }
        return text;
    }
}
