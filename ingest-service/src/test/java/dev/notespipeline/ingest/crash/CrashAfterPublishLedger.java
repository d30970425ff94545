package dev.notespipeline.ingest.crash;

import dev.notespipeline.ingest.repository.LedgerRepository;
import dev.notespipeline.ingest.service.NoteLedger;
import dev.notespipeline.ingest.service.Publication;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.List;

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
    public void recordPublished(List<Publication> publications) {
        if (publications.stream().anyMatch(publication -> publication.object().key().startsWith("crash/"))) {
            throw new IllegalStateException("the process died before the ledger write");
        }
        super.recordPublished(publications);
    }
}
