package dev.notespipeline.e2e;

import java.time.Duration;

/**
 * How hard the fault suite pushes: how many memos it drops (and edits and deletes), how many processes it kills, how
 * long the servers stay down or frozen, how many hostile requests it sends.
 *
 * @param memos memos dropped into the bucket; every tenth drop is followed by an edit of an earlier memo (new titles,
 *     so new talk ids) and every twentieth by the deletion of one
 * @param dropTime how long the drop lasts, so that the faults fall in the middle of it
 * @param killTrials kill -9 of a service, spread evenly over the three, each started again at once
 * @param kafkaDown how long the broker stays stopped in its restart
 * @param postgresDown how long PostgreSQL stays stopped in its restart
 * @param postgresFrozen how long every PostgreSQL process stays stopped by SIGSTOP
 * @param fuzzedRequests hostile requests over every endpoint of the three services
 * @param settleTime how long the pipeline may take after the last fault to hold exactly what the bucket holds
 */
record FaultPlan(String name, int memos, Duration dropTime, int killTrials, Duration kafkaDown, Duration postgresDown,
        Duration postgresFrozen, int fuzzedRequests, Duration settleTime) {

    /** The suite as {@code ./mvnw verify} runs it: a few trials of each kind, a couple of minutes. */
    static final FaultPlan SHORT = new FaultPlan("short", 40, Duration.ofSeconds(40), 3, Duration.ofSeconds(5),
            Duration.ofSeconds(5), Duration.ofSeconds(15), 300, Duration.ofMinutes(2));

    /** The suite as {@code bench/faults.sh} runs it (RELIABILITY.md): the broker down for minutes, not seconds. */
    static final FaultPlan FULL = new FaultPlan("full", 1000, Duration.ofMinutes(8), 20, Duration.ofMinutes(2),
            Duration.ofSeconds(30), Duration.ofMinutes(2), 10_000, Duration.ofMinutes(10));

    /** The plan the system property {@code faults.plan} names ({@code short}, the default, or {@code full}). */
    static FaultPlan fromSystemProperty() {
        String name = System.getProperty("faults.plan", SHORT.name());
        return switch (name) {
            case "short" -> SHORT;
            case "full" -> FULL;
            default -> throw new IllegalArgumentException("faults.plan is short or full, not " + name);
        };
    }
}
