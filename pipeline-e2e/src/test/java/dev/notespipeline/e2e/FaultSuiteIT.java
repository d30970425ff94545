package dev.notespipeline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The fault suite against the local stack's parts ({@link FaultSuite}). {@code ./mvnw verify} runs its short plan;
 * {@code bench/faults.sh} the full one ({@code -Dfaults.plan=full}). The report goes to
 * {@code pipeline-e2e/target/faults/<plan>/report.md}.
 */
class FaultSuiteIT {

    @Test
    void nothingIsLostOrAddedAndEveryAnswerIsAProblemUnder500() throws Exception {
        FaultPlan plan = FaultPlan.fromSystemProperty();
        FaultSuite.Figures figures;
        try (FaultStack stack = FaultStack.start(Pipeline.ROOT.resolve("pipeline-e2e/target/faults").resolve(plan.name()))) {
            figures = FaultSuite.run(plan, stack);
            String report = FaultSuite.report(plan, figures);
            FaultSuite.write(stack.work.resolve("report.md"), report);
            System.out.println(report);
        }
        TalkCensus census = figures.census;
        assertThat(census.lost()).as("talks lost: %s", census.problems()).isZero();
        assertThat(census.extra()).as("talks extra: %s", census.problems()).isZero();
        assertThat(census.unsettled()).as("files not settled: %s", census.problems()).isZero();
        assertThat(census.rejections()).as("the memo over the largest accepted size is rejected with its reason")
                .containsEntry(FaultSuite.TOO_LARGE_KEY, "too-large");
        assertThat(figures.talksWhileBucketAway).as("a vanished bucket deletes nothing")
                .isEqualTo(figures.talksBeforeBucketMoved);
        assertThat(figures.bucketAwayReadiness).as("ingest's readiness says the bucket is gone").isNotNull();
        assertThat(figures.fuzzViolations).as("answers ≥ 500 or 4xx without problem+json").isEmpty();
        assertThat(figures.readiness).as("every service ready at the end: %s", figures.notReady).allSatisfy((name, status) -> assertThat(status).isEqualTo(200));
    }
}
