package dev.notespipeline.ingest.crash;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Set;

public class CrashAfterPublishProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(CrashAfterPublishLedger.class);
    }
}
