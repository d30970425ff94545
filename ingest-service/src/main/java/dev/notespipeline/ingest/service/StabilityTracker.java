package dev.notespipeline.ingest.service;

import dev.notespipeline.ingest.buckets.BucketObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides when a changed file may be read: once two checks in a row saw it with the same size and stamp, and it
 * has looked like that for at least the minimum age. A file still being copied keeps changing and is never read.
 *
 * <p>Not thread-safe: {@link NoteSynchronizer} calls it under its own lock.
 */
class StabilityTracker {

    private final Duration minAge;
    private final Map<String, Sighting> sightings = new HashMap<>();

    StabilityTracker(Duration minAge) {
        this.minAge = minAge;
    }

    boolean isStable(BucketObject object, Instant now) {
        Sighting sighting = sightings.get(object.key());
        if (sighting == null || !sighting.fingerprint().equals(object.fingerprint())) {
            sightings.put(object.key(), new Sighting(object.fingerprint(), now));
            return false;
        }
        return !now.isBefore(sighting.since().plus(minAge));
    }

    /**
     * When the next file seen changing becomes old enough to be read, if any is still settling after {@code now}: the
     * moment to look again, so a dropped memo waits the minimum age and no polling interval on top of it.
     */
    Optional<Instant> nextSettled(Instant now) {
        return sightings.values().stream().map(sighting -> sighting.since().plus(minAge))
                .filter(due -> due.isAfter(now)).min(Instant::compareTo);
    }

    void forget(String key) {
        sightings.remove(key);
    }

    Set<String> waiting() {
        return new HashSet<>(sightings.keySet());
    }

    void retainOnly(Set<String> keys) {
        sightings.keySet().retainAll(keys);
    }

    private record Sighting(String fingerprint, Instant since) {
    }
}
