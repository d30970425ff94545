package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.ingest.buckets.RejectedObjectException;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.metrics.IngestMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A parse past its deadline is rejected and stops: timed-out parses leave no thread behind, busy or idle. */
class TimeBoundParserTest {

    private static final int WORKERS = 2;
    /** Plain Markdown within every parser limit, seconds of work for flexmark: a parse that can only time out. */
    private static final String SLOW_MEMO = "*emphasis* and **strong** with `code`, _more_ and [a link](https://example.com/x)\n\n"
            .repeat(40_000);

    /** Threads that were there before this test's parser, such as those of another test's service. */
    private final Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
    private final TimeBoundParser parser = new TimeBoundParser(config(Duration.ofMillis(500)), new IngestMetrics(new SimpleMeterRegistry()));

    @AfterEach
    void stop() {
        parser.stop();
    }

    @Test
    void timedOutParsesAreAbandonedLeaveNoThreadRunningAndTheNextMemoParses() {
        for (int i = 0; i < 4; i++) {
            int attempt = i;
            assertThatThrownBy(() -> parser.parse("slow-" + attempt + ".md", SLOW_MEMO, 1, "hash", Instant.now()))
                    .isInstanceOf(RejectedObjectException.class)
                    .hasMessageContaining("parsing took longer than");
        }
        // Abandoned parses notice at their next character; none may still be working a moment later.
        await().atMost(Duration.ofSeconds(2)).untilAsserted(() ->
                assertThat(parserThreads()).noneMatch(thread -> thread.getState() == Thread.State.RUNNABLE));
        assertThat(parserThreads()).hasSizeLessThanOrEqualTo(WORKERS);

        assertThat(parser.parse("ok.md", "# Night\n## EKS運用\tAliceさん\n* Karpenter\n", 1, "hash", Instant.now())
                .events().get(0).talks()).hasSize(1);
    }

    private List<Thread> parserThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(thread -> !before.contains(thread))
                .filter(thread -> thread.getName().startsWith(TimeBoundParser.THREAD_NAME) && thread.isAlive()).toList();
    }

    private static BucketConfig config(Duration parseTimeout) {
        return new BucketConfig() {
            @Override public String url() { return "file:target/unused"; }
            @Override public Duration reconcileInterval() { return Duration.ofSeconds(30); }
            @Override public Duration checkInterval() { return Duration.ofMillis(250); }
            @Override public Duration minAge() { return Duration.ofMillis(500); }
            @Override public MemorySize maxFileSize() { return new MemorySize(java.math.BigInteger.valueOf(6L << 20)); }
            @Override public Duration parseTimeout() { return parseTimeout; }
            @Override public int workers() { return WORKERS; }
            @Override public S3 s3() { return null; }
            @Override public DeletionGuard deletionGuard() { return null; }
        };
    }
}
