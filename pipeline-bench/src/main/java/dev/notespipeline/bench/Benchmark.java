package dev.notespipeline.bench;

import dev.notespipeline.contract.ParsedNote;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Times the real pipeline on the running local stack and, in the same run, the raw limits of its parts; writes a
 * Markdown report. Started by {@code bench/run.sh}, which starts the stack and passes its settings:
 * BENCH_BUCKET, BENCH_STAGING, BENCH_LOGS, BENCH_SQL, KAFKA_BOOTSTRAP_SERVERS, QUARKUS_DATASOURCE_JDBC_URL (+ _USERNAME,
 * _PASSWORD), QUERY_URL.
 *
 * <p>Arguments: {@code [--quick] --out <report.md>}.
 */
public final class Benchmark {

    private final boolean quick;
    private final StringBuilder report = new StringBuilder();

    private Benchmark(boolean quick) {
        this.quick = quick;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = List.of(args).contains("--quick");
        int out = List.of(args).indexOf("--out");
        if (out < 0 || out + 1 >= args.length) {
            System.err.println("usage: Benchmark [--quick] --out <report.md>");
            System.exit(2);
        }
        Benchmark benchmark = new Benchmark(quick);
        benchmark.run();
        Files.writeString(Path.of(args[out + 1]), benchmark.report.toString());
        System.out.println(benchmark.report);
    }

    private void run() throws Exception {
        Path bucket = Path.of(env("BENCH_BUCKET"));
        Path staging = Path.of(env("BENCH_STAGING"));
        Path logs = Path.of(env("BENCH_LOGS"));
        Path sql = Path.of(env("BENCH_SQL"));
        String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS");
        String jdbc = env("QUARKUS_DATASOURCE_JDBC_URL");
        String user = env("QUARKUS_DATASOURCE_USERNAME");
        String password = env("QUARKUS_DATASOURCE_PASSWORD");
        String queryUrl = env("QUERY_URL");
        URI database = URI.create(jdbc.substring("jdbc:".length()));

        int smallBatch = quick ? 200 : 1_000;
        int largeBatch = quick ? 1_000 : 10_000;
        long loadedTalks = quick ? 20_000 : 100_000;
        int latencyProbes = quick ? 10 : 50;
        Duration wrkDuration = Duration.ofSeconds(quick ? 5 : 15);

        header();
        Footprint footprint = new Footprint();
        Map<String, Long> idleRss = footprint.rssKb();

        log("generating the corpus");
        Batch small = Batch.generate(staging, 1, smallBatch);
        Batch large = Batch.generate(staging, 2, largeBatch);
        Batch topUp = Batch.generateTalks(staging, 3, loadedTalks - small.talks());

        log("raw limits");
        List<RawLimits.Limit> limits = new ArrayList<>();
        List<ParsedNote> parsed = RawLimits.parse(large.keys(), large.memos(), limits);
        RawLimits.Limit parse = limits.get(0);
        RawLimits.Limit kafka = RawLimits.kafka(bootstrap, parsed);
        RawLimits.CopyLimits copies = RawLimits.copy(jdbc, user, password, parsed);

        try (StackProbe probe = new StackProbe(bootstrap, jdbc, user, password)) {
            log("latency at rest");
            List<Duration> latencies = PipelineRun.latencies(probe, bucket, 99, latencyProbes);

            log("pipeline: " + smallBatch + " memos");
            PipelineRun.Result first = PipelineRun.run(probe, staging, small.keys(), small.talks(), bucket, footprint, Duration.ofMinutes(30));
            log("pipeline: top-up to " + loadedTalks + " talks");
            PipelineRun.Result fill = PipelineRun.run(probe, staging, topUp.keys(), topUp.talks(), bucket, footprint, Duration.ofMinutes(30));

            long talksLoaded = probe.storedTalks();
            log("query load at " + talksLoaded + " talks: waiting for PostgreSQL's statistics and a quiet machine");
            Duration analysed = probe.awaitAnalyzed(Duration.ofMinutes(5));
            CpuMeter.Quiet quiet = CpuMeter.awaitQuiet(0.25, Duration.ofSeconds(3), Duration.ofMinutes(3));
            String talkId = probe.anyTalkId();
            List<QueryLoad> queries = new ArrayList<>();
            for (QueryTarget target : List.of(
                    new QueryTarget("/api/talks?topic=azure&limit=20", "talks-by-topic.sql", Map.of()),
                    new QueryTarget("/api/talks?q=" + URLEncoder.encode("監視", StandardCharsets.UTF_8), "talks-by-text.sql", Map.of()),
                    new QueryTarget("/api/talks/" + talkId, "talk-by-id.sql", Map.of("id", talkId)),
                    new QueryTarget("/api/topics", "topics.sql", Map.of()))) {
                log("query load: " + target.path());
                queries.add(queryLoad(target, footprint.pid("query-service"), queryUrl, sql, database, user, password, wrkDuration));
            }

            log("pipeline: " + largeBatch + " memos");
            PipelineRun.Result second = PipelineRun.run(probe, staging, large.keys(), large.talks(), bucket, footprint, Duration.ofMinutes(60));
            Map<String, Long> loadRss = footprint.peaks();

            pipelineSection(List.of(first, fill, second), parse, kafka, copies);
            latencySection(latencies);
            querySection(talksLoaded, analysed, quiet, queries);
            footprintSection(logs, idleRss, loadRss);
        }
    }

    private void header() throws IOException {
        String memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                .findFirst().map(line -> line.substring(line.indexOf(':') + 1).strip()).orElse("unknown CPU");
        report.append("### ").append(quick ? "Quick run" : "Full run").append(", ")
                .append(ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"))).append("\n\n")
                .append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores (").append(cpu).append("), ")
                .append(memory).append("; Java ").append(System.getProperty("java.version"))
                .append("; everything (Kafka, PostgreSQL, three services, load generators) on this one machine.\n\n");
    }

    private void pipelineSection(List<PipelineRun.Result> runs, RawLimits.Limit parse, RawLimits.Limit kafka,
            RawLimits.CopyLimits copies) {
        report.append("#### Pipeline: memos dropped at once until every talk is queryable\n\n")
                .append("| memos | talks | ingest done | enrich done | queryable | end to end |\n|---:|---:|---:|---:|---:|---:|\n");
        for (PipelineRun.Result run : runs) {
            report.append(String.format(Locale.ROOT, "| %,d | %,d | %.1f s | %.1f s | %.1f s | %,.0f talks/s |%n", run.memos(), run.talks(),
                    seconds(run.ingestDone()), seconds(run.enrichDone()), seconds(run.queryDone()), run.endToEndTalksPerSecond()));
        }
        int cores = Runtime.getRuntime().availableProcessors();
        report.append(String.format(Locale.ROOT, "%nWhere the CPU went, from the drop until every talk was queryable (/proc; µs of CPU per "
                        + "talk; \"machine\" is every process, the harness included; what %d cores allow at that cost):%n%n", cores))
                .append("| memos | cores busy | ingest | enrich | query | Kafka | PostgreSQL | machine | allows |\n")
                .append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PipelineRun.Result run : runs) {
            CpuMeter.Usage cpu = run.cpu();
            report.append(String.format(Locale.ROOT, "| %,d | %.0f %% | %,.0f µs | %,.0f µs | %,.0f µs | %,.0f µs | %,.0f µs | %,.0f µs | %,.0f talks/s |%n",
                    run.memos(), cpu.busyShare() * 100, cpu.micros("ingest-service"), cpu.micros("enrich-service"),
                    cpu.micros("query-service"), cpu.micros(Footprint.BROKER), cpu.postgresMicros(), cpu.machineMicros(),
                    cpu.attainablePerSecond(cores)));
        }
        PipelineRun.Result largest = runs.get(runs.size() - 1);
        double ingestRate = largest.talks() / seconds(largest.ingestDone());
        double enrichRate = largest.talks() / seconds(largest.enrichDone());
        double queryRate = largest.endToEndTalksPerSecond();
        report.append("\n#### Each stage next to its raw limit (").append(String.format(Locale.ROOT, "%,d", largest.memos()))
                .append(" memos; a stage's rate counts from the drop to its last record)\n\n")
                .append("| stage | pipeline | raw limit of its part | limit | fraction |\n|---|---:|---|---:|---:|\n");
        stageRow("ingest (parse, publish)", ingestRate, parse);
        stageRow("enrich (consume, tag, publish)", enrichRate, kafka);
        stageRow("query (consume, store)", queryRate, copies.bare());
        stageRow("query (consume, store)", queryRate, copies.likeTalk());
        report.append('\n');
    }

    private void stageRow(String stage, double rate, RawLimits.Limit limit) {
        report.append(String.format(Locale.ROOT, "| %s | %,.0f talks/s | %s | %,.0f talks/s | %.2f |%n", stage, rate, limit.name(),
                limit.talksPerSecond(), rate / limit.talksPerSecond()));
    }

    private void latencySection(List<Duration> latencies) {
        List<Long> millis = latencies.stream().map(Duration::toMillis).sorted().toList();
        report.append(String.format(Locale.ROOT, "#### Latency at rest: one memo dropped, until its talks are queryable (%d memos)%n%n",
                millis.size()))
                .append(String.format(Locale.ROOT, "| p50 | p99 | max |%n|---:|---:|---:|%n| %d ms | %d ms | %d ms |%n%n",
                        percentile(millis, 0.50), percentile(millis, 0.99), millis.get(millis.size() - 1)))
                .append("In the order dropped (ms): ").append(latencies.stream().map(latency -> Long.toString(latency.toMillis()))
                        .collect(Collectors.joining(", "))).append("\n\n");
    }

    /** An endpoint and the SQL query-service sends PostgreSQL for it. */
    private record QueryTarget(String path, String script, Map<String, String> variables) {
    }

    /** An endpoint under wrk and its SQL under pgbench, each with the CPU it cost. */
    private record QueryLoad(QueryTarget target, LoadTools.Load http, CpuMeter.Usage httpCpu, LoadTools.Load sql,
                             CpuMeter.Usage sqlCpu) {
    }

    /**
     * One endpoint, then its SQL alone, one right after the other so both meet the same machine: wrk first warms the
     * service's code up for as long as it then measures (the JIT compiles the path; not counted), pgbench needs no
     * warm-up.
     */
    private static QueryLoad queryLoad(QueryTarget target, long servicePid, String queryUrl, Path sql, URI database, String user,
                                       String password, Duration duration) throws Exception {
        String url = queryUrl + target.path();
        LoadTools.wrk(url, 2, 16, duration);
        Map<String, Long> service = Map.of("query-service", servicePid);
        CpuMeter.Sample before = CpuMeter.sample(service);
        LoadTools.Load http = LoadTools.wrk(url, 2, 16, duration);
        CpuMeter.Sample after = CpuMeter.sample(service);
        LoadTools.Load alone = LoadTools.pgbench(sql.resolve(target.script()), target.variables(), database.getHost(),
                database.getPort(), user, password, database.getPath().substring(1), 16, 2, duration);
        CpuMeter.Sample end = CpuMeter.sample(service);
        return new QueryLoad(target, http, CpuMeter.between(before, after, http.count()), alone,
                CpuMeter.between(after, end, alone.count()));
    }

    private void querySection(long talks, Duration analysed, CpuMeter.Quiet quiet, List<QueryLoad> queries) {
        int cores = Runtime.getRuntime().availableProcessors();
        report.append(String.format(Locale.ROOT, "#### Queries at %,d talks (wrk -t2 -c16; pgbench -c16 -j2, the same SQL in sessions "
                        + "set up as the service's)%n%n", talks))
                .append(String.format(Locale.ROOT, "Started once autovacuum had analysed the tables just filled (%.0f s after the last "
                        + "talk was stored) and the machine was quiet (%.0f %% busy, %.0f s later). Each endpoint warmed up by wrk for "
                        + "as long as it is then measured.%n%n", seconds(analysed), quiet.busyShare() * 100, seconds(quiet.waited())))
                .append("| endpoint | requests/s | p99 | errors | SQL alone (pgbench) | SQL p99 | HTTP / SQL |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (QueryLoad query : queries) {
            LoadTools.Load request = query.http();
            LoadTools.Load database = query.sql();
            report.append(String.format(Locale.ROOT, "| `%s` | %,.0f | %.1f ms | %d | %,.0f tx/s | %.1f ms | %.2f |%n",
                    query.target().path(), request.perSecond(), request.p99Millis(), request.errors(), database.perSecond(),
                    database.p99Millis(), request.perSecond() / database.perSecond()));
        }
        report.append(String.format(Locale.ROOT, "%nWhere the CPU went (/proc; µs of CPU per request or transaction; \"machine\" is every "
                        + "process, wrk and pgbench included; what %d cores allow at that cost):%n%n", cores))
                .append("| endpoint | HTTP: cores busy | query-service | PostgreSQL | machine | allows | SQL alone: cores busy | machine | allows |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (QueryLoad query : queries) {
            CpuMeter.Usage http = query.httpCpu();
            CpuMeter.Usage sql = query.sqlCpu();
            report.append(String.format(Locale.ROOT, "| `%s` | %.0f %% | %,.0f µs | %,.0f µs | %,.0f µs | %,.0f/s | %.0f %% | %,.0f µs | %,.0f/s |%n",
                    query.target().path(), http.busyShare() * 100, http.micros("query-service"), http.postgresMicros(), http.machineMicros(),
                    http.attainablePerSecond(cores), sql.busyShare() * 100, sql.machineMicros(), sql.attainablePerSecond(cores)));
        }
        report.append('\n');
    }

    private void footprintSection(Path logs, Map<String, Long> idle, Map<String, Long> load) {
        report.append("#### Footprint\n\n| service | started in | RSS idle | RSS peak under the largest batch |\n|---|---:|---:|---:|\n");
        for (String service : Footprint.SERVICES) {
            report.append(String.format(Locale.ROOT, "| %s | %s | %d MB | %d MB |%n", service,
                    Footprint.startupSeconds(logs, service).map(seconds -> String.format(Locale.ROOT, "%.2f s", seconds)).orElse("?"),
                    idle.getOrDefault(service, 0L) / 1024, load.getOrDefault(service, 0L) / 1024));
        }
        report.append('\n');
    }

    private static long percentile(List<Long> sorted, double quantile) {
        int index = (int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(sorted.size() * quantile) - 1));
        return sorted.get(index);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run the benchmark through bench/run.sh");
        }
        return value;
    }

    private static void log(String step) {
        System.err.println("[bench] " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + " " + step);
    }
}
