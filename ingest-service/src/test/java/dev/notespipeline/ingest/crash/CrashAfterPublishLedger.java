package dev.notespipeline.ingest.crash;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.repository.LedgerRepository;
import dev.notespipeline.ingest.service.NoteLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/**
 * The ledger of a service that dies right after Kafka acknowledged a note of {@code crash/}, before it could record
 * it: what a kill -9 at the worst moment leaves behind.
 */
@Alternative
@ApplicationScoped
public class CrashAfterPublishLedger extends NoteLedger {

    @Inject
    public CrashAfterPublishLedger(LedgerRepository repository) {
        super(repository);
    }

    /** For the client proxy of a normal-scoped bean. */
    CrashAfterPublishLedger() {
        this(null);
    }

    @Override
    public void recordPublished(BucketObject object, ParsedNote note, String resultHash) {
        if (object.key().startsWith("crash/")) {
            throw new IllegalStateException("the process died before the ledger write");
        }
        super.recordPublished(object, note, resultHash);
    }
}
