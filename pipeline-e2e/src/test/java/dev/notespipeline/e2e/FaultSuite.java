package dev.notespipeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;

/**
 * The fault suite: while memos are dropped, edited and deleted, the broker and PostgreSQL are restarted, services are
 * killed with SIGKILL and PostgreSQL is frozen; then a memo of the largest accepted size and one just over it, the
 * bucket folder moved away and back, and hostile requests. At the end the stored talks must be exactly what the
 * parser finds in the bucket ({@link TalkCensus}) and every service ready. {@link #run} records what it saw in a
 * {@link Figures}; the caller judges.
 */
final class FaultSuite {

    static final String HUGE_KEY = "huge/largest-accepted.md";
    static final String TOO_LARGE_KEY = "huge/just-over.md";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final FaultPlan plan;
    private final FaultStack stack;
    private final SplittableRandom random = new SplittableRandom(7);
    private final Figures figures = new Figures();
    private final Instant start = Instant.now();

    private FaultSuite(FaultPlan plan, FaultStack stack) {
        this.plan = plan;
        this.stack = stack;
    }

    /** What the suite saw: one line per fault, and the final census. */
    static final class Figures {
        final List<String> faults = Collections.synchronizedList(new ArrayList<>());
        final Map<String, Integer> kills = new LinkedHashMap<>();
        int memos;
        int edits;
        int deletions;
        int talksBeforeBucketMoved;
        int talksWhileBucketAway = -1;
        String bucketAwayReadiness;
        int fuzzedRequests;
        final List<String> fuzzViolations = new ArrayList<>();
        TalkCensus census;
        Duration settledAfter;
        final Map<String, Integer> readiness = new LinkedHashMap<>();
        /** Why the services not ready at the end are not: their readiness checks. */
        final List<String> notReady = new ArrayList<>();
        Duration total;
    }

    static Figures run(FaultPlan plan, FaultStack stack) throws Exception {
        return new FaultSuite(plan, stack).run();
    }

    private Figures run() throws Exception {
        MemoDrop drop = new MemoDrop(stack.bucket, stack.staging);
        // First, so that every memo and every fault after them shows that nothing waits behind them.
        hugeMemos(drop);
        CompletableFuture<Void> dropping = CompletableFuture.runAsync(() -> drop.run(plan.memos(), plan.dropTime()));
        pause(plan.dropTime().toMillis() / 10);
        restartKafka();
        restartPostgres();
        killTrials();
        freezePostgres();
        dropping.get();
        figures.memos = plan.memos();
        figures.edits = drop.edits();
        figures.deletions = drop.deletions();

        moveBucketAwayAndBack();
        FaultFuzz.send(stack, plan.fuzzedRequests(), figures);
        settle();
        for (String name : FaultStack.serviceNames()) {
            Readiness readiness = readiness(name);
            figures.readiness.put(name, readiness.status());
            if (readiness.status() != 200) {
                figures.notReady.add(readiness.line());
            }
        }
        figures.total = Duration.between(start, Instant.now());
        return figures;
    }

    private void restartKafka() throws InterruptedException {
        Instant at = Instant.now();
        stack.kafka.stop();
        Thread.sleep(plan.kafkaDown().toMillis());
        String readiness = String.join("; ", FaultStack.serviceNames().stream().map(name -> readiness(name).line()).toList());
        stack.kafka.start();
        note("Kafka broker stopped (SIGTERM) for " + plan.kafkaDown().toSeconds() + " s and started again with its data; "
                + "back after " + seconds(at) + "; readiness at the end of the outage: " + readiness);
    }

    private void restartPostgres() throws InterruptedException {
        Instant at = Instant.now();
        stack.postgres.stop();
        Thread.sleep(plan.postgresDown().toMillis());
        stack.postgres.start();
        note("PostgreSQL stopped for " + plan.postgresDown().toSeconds() + " s and started again; back after " + seconds(at));
    }

    private void freezePostgres() throws InterruptedException {
        stack.postgres.freeze();
        Thread.sleep(plan.postgresFrozen().toMillis());
        stack.postgres.thaw();
        note("PostgreSQL frozen (SIGSTOP of every process) for " + plan.postgresFrozen().toSeconds() + " s, then SIGCONT");
    }

    /** Spread evenly over the three services, in a shuffled order per round, each at a random moment. */
    private void killTrials() throws InterruptedException {
        List<String> order = new ArrayList<>();
        while (order.size() < plan.killTrials()) {
            List<String> round = new ArrayList<>(FaultStack.serviceNames());
            Collections.shuffle(round, new java.util.Random(random.nextLong()));
            order.addAll(round);
        }
        for (String name : order.subList(0, plan.killTrials())) {
            pause(500 + random.nextInt(2500));
            Instant at = Instant.now();
            stack.killAndRestart(name, random.nextInt(2000));
            figures.kills.merge(name, 1, Integer::sum);
            note("kill -9 " + name + "; started again and ready after " + seconds(at));
        }
    }

    private void hugeMemos(MemoDrop drop) {
        int largest = SizedMemo.largestAccepted();
        drop.put(HUGE_KEY, SizedMemo.of("Largest memo conference", largest));
        drop.put(TOO_LARGE_KEY, SizedMemo.of("Largest memo conference", largest + 1));
        note("memos of " + largest + " bytes (the largest accepted) and " + (largest + 1) + " bytes dropped");
    }

    /** As an unmounted volume or a renamed folder would: an outage, never a deletion. */
    private void moveBucketAwayAndBack() throws IOException, InterruptedException {
        // From a settled pipeline, so that any talk missing while the bucket is away was deleted, not late.
        awaitExactCensus();
        figures.talksBeforeBucketMoved = storedTalks();
        Path away = stack.bucket.resolveSibling("bucket-away");
        Files.move(stack.bucket, away, StandardCopyOption.ATOMIC_MOVE);
        Instant deadline = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(deadline) && figures.bucketAwayReadiness == null) {
            Readiness readiness = readiness("ingest-service");
            if (readiness.status() == 503) {
                figures.bucketAwayReadiness = readiness.line();
            }
            Thread.sleep(500);
        }
        // Two of ingest's full passes over the bucket while it is gone.
        Duration gone = FaultStack.RECONCILE_INTERVAL.multipliedBy(2);
        Thread.sleep(gone.toMillis());
        figures.talksWhileBucketAway = storedTalks();
        Files.move(away, stack.bucket, StandardCopyOption.ATOMIC_MOVE);
        note("bucket folder moved away for " + gone.toSeconds()
                + " s and back: talks stored before " + figures.talksBeforeBucketMoved + ", while away "
                + figures.talksWhileBucketAway);
    }

    private void settle() throws InterruptedException {
        Instant from = Instant.now();
        figures.census = awaitExactCensus();
        figures.settledAfter = Duration.between(from, Instant.now());
    }

    /** Until the census is exact or the plan's settle time is over. */
    private TalkCensus awaitExactCensus() throws InterruptedException {
        Instant deadline = Instant.now().plus(plan.settleTime());
        TalkCensus census;
        do {
            Thread.sleep(3000);
            census = census();
        } while (!census.exact() && Instant.now().isBefore(deadline));
        return census;
    }

    private TalkCensus census() {
        return TalkCensus.take(stack.bucket, stack.service("ingest-service").baseUri(), stack.jdbcUrl(), "postgres", "postgres");
    }

    private int storedTalks() {
        try (Connection connection = DriverManager.getConnection(stack.jdbcUrl(), "postgres", "postgres");
             Statement statement = connection.createStatement();
             ResultSet count = statement.executeQuery("SELECT count(*) FROM talk")) {
            count.next();
            return count.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the stored talks", e);
        }
    }

    /** A service's readiness: its HTTP status (0 without an answer) and, in one line, the checks that are down. */
    private record Readiness(int status, String line) {
    }

    private Readiness readiness(String name) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.service(name).managementUri() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String down = answer.statusCode() == 200 ? "" : " " + answer.body().replaceAll("\\s+", " ");
            return new Readiness(answer.statusCode(), name + " " + answer.statusCode() + down);
        } catch (IOException e) {
            return new Readiness(0, name + " no answer (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Readiness(0, name + " interrupted");
        }
    }

    private void note(String fault) {
        String line = String.format("%6.1f s  %s", Duration.between(start, Instant.now()).toMillis() / 1000.0, fault);
        figures.faults.add(line);
        System.out.println("fault suite: " + line);
    }

    private static String seconds(Instant since) {
        return String.format("%.1f s", Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static void pause(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    /** The figures as Markdown, for RELIABILITY.md. */
    static String report(FaultPlan plan, Figures figures) {
        StringBuilder report = new StringBuilder();
        report.append("## Fault suite (").append(plan.name()).append(")\n\n");
        report.append("| what | figure |\n|---|---:|\n");
        row(report, "memos dropped / edited / deleted", figures.memos + " / " + figures.edits + " / " + figures.deletions);
        row(report, "kill -9 trials (ingest, enrich, query)", figures.kills.values().stream().mapToInt(Integer::intValue).sum()
                + " (" + String.join(", ", FaultStack.serviceNames().stream()
                        .map(name -> String.valueOf(figures.kills.getOrDefault(name, 0))).toList()) + ")");
        row(report, "files in the final bucket", String.valueOf(figures.census.files()));
        row(report, "published / rejected with a reason", figures.census.published() + " / " + figures.census.rejected());
        row(report, "talks the parser finds / stored", figures.census.expectedTalks() + " / " + figures.census.storedTalks());
        row(report, "**lost**", String.valueOf(figures.census.lost()));
        row(report, "**extra**", String.valueOf(figures.census.extra()));
        row(report, "files not settled", String.valueOf(figures.census.unsettled()));
        row(report, "talks stored before the bucket moved / while away", figures.talksBeforeBucketMoved + " / " + figures.talksWhileBucketAway);
        row(report, "hostile requests", String.valueOf(figures.fuzzedRequests));
        row(report, "**answers ≥ 500 or 4xx not problem+json**", String.valueOf(figures.fuzzViolations.size()));
        row(report, "ready at the end (ingest, enrich, query)", String.join(", ", figures.readiness.values().stream().map(String::valueOf).toList()));
        row(report, "settled after the last fault", figures.settledAfter.toSeconds() + " s");
        row(report, "whole run", figures.total.toSeconds() + " s");
        report.append("\nRejected: ").append(figures.census.rejections()).append("\n\nIngest's readiness while the bucket was away: `")
                .append(figures.bucketAwayReadiness).append("`\n\nFaults, in order:\n\n```\n");
        figures.faults.forEach(line -> report.append(line).append('\n'));
        report.append("```\n");
        if (!figures.census.problems().isEmpty() || !figures.fuzzViolations.isEmpty()) {
            report.append("\nProblems:\n\n```\n");
            figures.census.problems().forEach(line -> report.append(line).append('\n'));
            figures.fuzzViolations.stream().limit(20).forEach(line -> report.append(line).append('\n'));
            report.append("```\n");
        }
        return report.toString();
    }

    private static void row(StringBuilder report, String what, String figure) {
        report.append("| ").append(what).append(" | ").append(figure).append(" |\n");
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
