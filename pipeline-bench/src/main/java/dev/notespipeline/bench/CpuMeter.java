package dev.notespipeline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU goes while a load runs, from {@code /proc}: the whole machine's busy time, named processes' (the
 * services, the local stack's Kafka broker) and PostgreSQL's server processes' (every process named {@code postgres}).
 * Everything shares the machine's cores, so a rate is bounded by the cores divided by the CPU one unit of work (a
 * request, a talk) costs all of them together.
 */
final class CpuMeter {

    /** Linux reports CPU times in clock ticks of 1/100 s (USER_HZ). */
    private static final double MICROS_PER_TICK = 10_000;

    /** CPU times read at one moment, in clock ticks. */
    record Sample(MachineTicks machine, Map<String, Long> processes, Map<Long, Long> postgres) {
    }

    /**
     * The machine's CPU time over all its cores, from the first line of /proc/stat: busy (user, nice, system, irq,
     * softirq, steal; guest time is in user) and in all (idle and iowait added).
     */
    record MachineTicks(long busy, long total) {

        static MachineTicks now() {
            String line = read(Path.of("/proc/stat")).lines().findFirst().orElseThrow();
            List<Long> ticks = Stream.of(line.substring("cpu".length()).strip().split("\\s+")).limit(8).map(Long::parseLong).toList();
            long total = ticks.stream().mapToLong(Long::longValue).sum();
            return new MachineTicks(total - ticks.get(3) - ticks.get(4), total);
        }

        /** How busy the cores were since {@code earlier}, 0 to 1. */
        double busyShareSince(MachineTicks earlier) {
            long total = this.total - earlier.total;
            return total == 0 ? 0 : (double) (busy - earlier.busy) / total;
        }
    }

    /**
     * CPU per unit of work (a request, a transaction, a talk) between two samples, in microseconds.
     *
     * @param busyShare how busy the machine's cores were, 0 to 1
     * @param machineMicros CPU of every process per unit
     * @param processMicros CPU of each named process per unit
     */
    record Usage(double busyShare, double machineMicros, Map<String, Double> processMicros, double postgresMicros) {

        double micros(String process) {
            return processMicros.getOrDefault(process, 0.0);
        }

        /** What the machine's cores allow at this CPU per unit, units per second. */
        double attainablePerSecond(int cores) {
            return cores * 1e6 / machineMicros;
        }
    }

    /** How long the wait for a quiet machine took and how busy the machine was at its end. */
    record Quiet(Duration waited, double busyShare) {
    }

    private CpuMeter() {
    }

    /** @param processes the processes to account for, by name */
    static Sample sample(Map<String, Long> processes) {
        MachineTicks machine = MachineTicks.now();
        Map<Long, Long> postgres = new HashMap<>();
        try (Stream<Path> all = Files.list(Path.of("/proc"))) {
            all.filter(path -> path.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(path -> "postgres".equals(read(path.resolve("comm")).strip()))
                    .forEach(path -> postgres.put(Long.parseLong(path.getFileName().toString()), processTicks(path)));
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc", e);
        }
        Map<String, Long> named = new LinkedHashMap<>();
        processes.forEach((name, pid) -> named.put(name, processTicks(Path.of("/proc", Long.toString(pid)))));
        return new Sample(machine, named, postgres);
    }

    /**
     * CPU per unit of work between two samples. PostgreSQL counts the server processes alive at both (the service's
     * pooled connections stay; pgbench's connections end with it and are left out, the machine's figure has them).
     */
    static Usage between(Sample before, Sample after, long units) {
        long postgres = 0;
        for (Map.Entry<Long, Long> process : after.postgres().entrySet()) {
            Long earlier = before.postgres().get(process.getKey());
            if (earlier != null) {
                postgres += process.getValue() - earlier;
            }
        }
        double perUnit = MICROS_PER_TICK / Math.max(1, units);
        Map<String, Double> processes = new LinkedHashMap<>();
        after.processes().forEach((name, ticks) -> processes.put(name, (ticks - before.processes().getOrDefault(name, ticks)) * perUnit));
        return new Usage(after.machine().busyShareSince(before.machine()), (after.machine().busy() - before.machine().busy()) * perUnit,
                processes, postgres * perUnit);
    }

    /**
     * Waits until the machine has settled after a batch (the services' last records, PostgreSQL's autovacuum and
     * autoanalyze of the tables just filled): its cores busy at most {@code maxBusyShare} over a window, or the timeout.
     */
    static Quiet awaitQuiet(double maxBusyShare, Duration window, Duration timeout) throws InterruptedException {
        long start = System.nanoTime();
        double busy;
        do {
            MachineTicks before = MachineTicks.now();
            Thread.sleep(window.toMillis());
            busy = MachineTicks.now().busyShareSince(before);
        } while (busy > maxBusyShare && System.nanoTime() - start < timeout.toNanos());
        return new Quiet(Duration.ofNanos(System.nanoTime() - start), busy);
    }

    /** utime + stime of a process; 0 when it has gone. */
    private static long processTicks(Path process) {
        String stat = read(process.resolve("stat"));
        if (stat.isEmpty()) {
            return 0;
        }
        // The command name (field 2) may hold spaces: count the fields after its closing parenthesis.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
