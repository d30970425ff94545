package dev.notespipeline.ingest;

import static org.awaitility.Awaitility.await;

import dev.notespipeline.ingest.repository.LedgerEntry;
import dev.notespipeline.ingest.repository.LedgerRepository;
import dev.notespipeline.ingest.repository.NoteStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/** Reads and prepares the ledger from a test, each call in a transaction of its own. */
@ApplicationScoped
public class LedgerProbe {

    @Inject
    LedgerRepository repository;

    public Optional<LedgerEntry> find(String key) {
        return QuarkusTransaction.requiringNew().call(() -> repository.findByKey(key));
    }

    /** Waits until the ledger has the note with this status. */
    public LedgerEntry awaitStatus(String key, NoteStatus status) {
        return await().atMost(ParsedTopic.PATIENCE)
                .until(() -> find(key).orElse(null), entry -> entry != null && entry.status == status);
    }

    /** Makes the entry say that parser {@code parserVersion} read the file, to the result {@code resultHash}. */
    public void readBy(String key, int parserVersion, String resultHash) {
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerEntry entry = repository.findByKey(key).orElseThrow();
            entry.parserVersion = parserVersion;
            entry.resultHash = resultHash;
        });
    }

    /** Makes the entry say that parser {@code parserVersion} rejected the file, for {@code reason}. */
    public void rejectedBy(String key, int parserVersion, String reason, String detail) {
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerEntry entry = repository.findByKey(key).orElseThrow();
            entry.status = NoteStatus.REJECTED;
            entry.reason = reason;
            entry.detail = detail;
            entry.parserVersion = parserVersion;
            entry.resultHash = null;
            entry.layout = null;
        });
    }

    /** A ledger entry as an earlier run of the service would have left it. */
    public void remember(String key, NoteStatus status, String contentHash, String fingerprint, long version) {
        QuarkusTransaction.requiringNew().run(() -> {
            LedgerEntry entry = new LedgerEntry();
            entry.key = key;
            entry.status = status;
            entry.contentHash = contentHash;
            entry.fingerprint = fingerprint;
            entry.version = version;
            entry.firstSeen = Instant.parse("2024-01-01T00:00:00Z");
            entry.lastChanged = entry.firstSeen;
            repository.persist(entry);
        });
    }
}
