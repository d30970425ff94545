package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.repository.LedgerState;
import dev.notespipeline.ingest.repository.NoteStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;

/**
 * The synchroniser's passes look up thousands of waiting files at once: they read the columns they compare, not the
 * ledger's entries, whose layout reports would fill the heap (an OutOfMemoryError at 10,000 files in a 128 MB heap).
 */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class NoteLedgerLookupTest {

    @Inject
    NoteLedger ledger;

    @Inject
    LedgerProbe probe;

    @Inject
    Session session;

    @Test
    void aLookupOfManyFilesReadsWhatTheLedgerSaysOfThemWithoutLoadingTheirEntries() {
        // Deleted notes, so that no reconciliation of the test bucket tombstones them meanwhile.
        List<String> keys = IntStream.range(0, 1_500).mapToObj(i -> "lookup/gone-" + i + ".md").toList();
        keys.forEach(key -> probe.remember(key, NoteStatus.DELETED, "hash-" + key, null, 7));
        AtomicInteger loaded = new AtomicInteger();

        Map<String, LedgerState> states = QuarkusTransaction.requiringNew().call(() -> {
            Map<String, LedgerState> found = ledger.find(keys);
            loaded.set(session.getStatistics().getEntityCount());
            return found;
        });

        assertThat(loaded).hasValue(0);
        assertThat(states).hasSize(keys.size()).containsEntry("lookup/gone-1234.md", new LedgerState(
                "lookup/gone-1234.md", NoteStatus.DELETED, null, "hash-lookup/gone-1234.md", 7, null, null));
    }
}
