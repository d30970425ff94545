package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.ingest.buckets.BucketObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StabilityTrackerTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final StabilityTracker tracker = new StabilityTracker(Duration.ofSeconds(2));

    @Test
    void aFileIsNeverReadAtFirstSightEvenIfOld() {
        assertThat(tracker.isStable(new BucketObject("a.md", 10, "t1"), T0)).isFalse();
    }

    @Test
    void aFileIsReadOnceItLookedTheSameForTheMinimumAge() {
        BucketObject file = new BucketObject("a.md", 10, "t1");
        tracker.isStable(file, T0);

        assertThat(tracker.isStable(file, T0.plusSeconds(1))).isFalse();
        assertThat(tracker.isStable(file, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void aFileThatKeepsGrowingIsNeverRead() {
        for (int second = 0; second < 10; second++) {
            assertThat(tracker.isStable(new BucketObject("a.md", 10 + second, "t" + second), T0.plusSeconds(second)))
                    .isFalse();
        }
    }

    @Test
    void aChangeRestartsTheWait() {
        tracker.isStable(new BucketObject("a.md", 10, "t1"), T0);
        tracker.isStable(new BucketObject("a.md", 10, "t2"), T0.plusSeconds(3));

        assertThat(tracker.isStable(new BucketObject("a.md", 10, "t2"), T0.plusSeconds(4))).isFalse();
        assertThat(tracker.isStable(new BucketObject("a.md", 10, "t2"), T0.plusSeconds(5))).isTrue();
    }

    @Test
    void forgottenAndUnlistedFilesStopWaiting() {
        tracker.isStable(new BucketObject("a.md", 1, "t"), T0);
        tracker.isStable(new BucketObject("b.md", 1, "t"), T0);
        tracker.isStable(new BucketObject("c.md", 1, "t"), T0);

        tracker.forget("a.md");
        tracker.retainOnly(Set.of("a.md", "b.md"));

        assertThat(tracker.waiting()).containsExactly("b.md");
    }

    /** The schedule looks again when the next settling file is due: the settle time, not a polling interval. */
    @Test
    void theNextLookIsDueWhenTheEarliestSettlingFileHasBeenStillForTheMinimumAge() {
        assertThat(tracker.nextSettled(T0)).isEmpty();
        tracker.isStable(new BucketObject("a.md", 10, "t1"), T0);
        tracker.isStable(new BucketObject("b.md", 10, "t1"), T0.plusSeconds(1));

        assertThat(tracker.nextSettled(T0.plusMillis(500))).contains(T0.plusSeconds(2));
        // Once a file is due it is handed over at the next look; only files still settling set the time after it.
        assertThat(tracker.nextSettled(T0.plusSeconds(2))).contains(T0.plusSeconds(3));
        assertThat(tracker.nextSettled(T0.plusSeconds(3))).isEmpty();
    }
}
