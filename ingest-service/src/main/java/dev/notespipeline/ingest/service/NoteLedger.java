package dev.notespipeline.ingest.service;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.repository.LedgerEntry;
import dev.notespipeline.ingest.repository.LedgerRepository;
import dev.notespipeline.ingest.repository.LedgerState;
import dev.notespipeline.ingest.repository.NoteStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The ledger's writes, each in a transaction of its own. Outcomes are recorded only after Kafka acknowledged them;
 * the one write before publishing is the intent for notes the ledger does not hold as present.
 */
@ApplicationScoped
public class NoteLedger {

    private final LedgerRepository repository;

    public NoteLedger(LedgerRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public Optional<LedgerState> find(String key) {
        return repository.statesOf(List.of(key)).stream().findFirst();
    }

    /** What the ledger knows of each of {@code keys}; keys it has never seen are absent. */
    @Transactional
    public Map<String, LedgerState> find(Collection<String> keys) {
        return repository.statesOf(List.copyOf(keys)).stream()
                .collect(Collectors.toMap(LedgerState::key, Function.identity()));
    }

    @Transactional
    public Map<String, LedgerState> present() {
        return repository.presentStates().stream()
                .collect(Collectors.toMap(LedgerState::key, Function.identity()));
    }

    @Transactional
    public Map<NoteStatus, Long> countByStatus() {
        return repository.countByStatus();
    }

    /**
     * Records notes Kafka acknowledged, all in one transaction: one query finds their entries, and Hibernate writes
     * them in JDBC batches. Thousands of files dropped at once cost a few round trips, not a transaction each.
     */
    @Transactional
    public void recordPublished(List<Publication> publications) {
        Map<String, LedgerEntry> entries = repository.findByKeys(publications.stream()
                .map(publication -> publication.object().key()).distinct().toList())
                .stream().collect(Collectors.toMap(entry -> entry.key, Function.identity()));
        for (Publication publication : publications) {
            ParsedNote note = publication.note();
            LedgerEntry entry = entries.computeIfAbsent(publication.object().key(),
                    key -> created(key, note.detectedAt()));
            published(entry, publication);
            save(entry);
        }
    }

    private static void published(LedgerEntry entry, Publication publication) {
        BucketObject object = publication.object();
        ParsedNote note = publication.note();
        String resultHash = publication.resultHash();
        entry.status = NoteStatus.OK;
        entry.reason = null;
        entry.detail = null;
        entry.contentHash = note.contentHash();
        entry.version = note.version();
        entry.eventCount = note.events().size();
        entry.talkCount = (int) note.talkCount();
        entry.fingerprint = object.fingerprint();
        entry.lastChanged = note.detectedAt();
        entry.parserVersion = note.parserVersion();
        entry.resultHash = resultHash;
        entry.layout = note.layout();
    }

    /**
     * Remembers that these notes, which the ledger holds as absent or deleted, are about to be published, before they
     * are: then whatever happens next, the ledger knows Kafka may have them. All in one transaction, so a folder of new
     * files costs a few round trips, not a commit each. The content hash stays unknown, so a file is read and published
     * again if its outcome is never recorded; the version stays the last one published, which the next grows from.
     *
     * @return what the ledger now says of each note
     */
    @Transactional
    public Map<String, LedgerState> recordIntents(List<BucketObject> objects, Instant now) {
        Map<String, LedgerEntry> entries = repository.findByKeys(objects.stream().map(BucketObject::key).toList())
                .stream().collect(Collectors.toMap(entry -> entry.key, Function.identity()));
        Map<String, LedgerState> states = new HashMap<>();
        for (BucketObject object : objects) {
            LedgerEntry entry = entries.computeIfAbsent(object.key(), key -> created(key, now));
            entry.status = NoteStatus.PENDING;
            entry.reason = null;
            entry.detail = null;
            entry.contentHash = null;
            entry.eventCount = 0;
            entry.talkCount = 0;
            entry.fingerprint = null;
            entry.lastChanged = now;
            save(entry);
            states.put(entry.key, state(entry));
        }
        return states;
    }

    /** @param parserVersion the parser that refused the file, or null when it was refused before the parser read it */
    @Transactional
    public void recordRejected(BucketObject object, String contentHash, long version, String reason, String detail,
            Integer parserVersion, Instant now) {
        LedgerEntry entry = entry(object.key(), now);
        entry.status = NoteStatus.REJECTED;
        entry.reason = reason;
        entry.detail = detail;
        entry.contentHash = contentHash;
        entry.version = version;
        entry.eventCount = 0;
        entry.talkCount = 0;
        entry.fingerprint = object.fingerprint();
        entry.lastChanged = now;
        entry.parserVersion = parserVersion;
        entry.resultHash = null;
        entry.layout = null;
        save(entry);
    }

    @Transactional
    public void recordDeleted(String key, Instant now) {
        repository.findByKey(key).ifPresent(entry -> {
            entry.status = NoteStatus.DELETED;
            entry.reason = null;
            entry.detail = null;
            entry.fingerprint = null;
            entry.lastChanged = now;
        });
    }

    /** The file was touched but its bytes are the same: remember the new stamp so it is not read again. */
    @Transactional
    public void recordUnchanged(BucketObject object) {
        repository.findByKey(object.key()).ifPresent(entry -> entry.fingerprint = object.fingerprint());
    }

    /** A newer parser read the file and found the published result: only the parser version changes. */
    @Transactional
    public void recordReread(BucketObject object, int parserVersion) {
        repository.findByKey(object.key()).ifPresent(entry -> {
            entry.fingerprint = object.fingerprint();
            entry.parserVersion = parserVersion;
        });
    }

    /** The entry to update; a new one is persisted by {@link #save} once all its fields are set. */
    private LedgerEntry entry(String key, Instant now) {
        return repository.findByKey(key).orElseGet(() -> created(key, now));
    }

    private static LedgerEntry created(String key, Instant now) {
        LedgerEntry created = new LedgerEntry();
        created.key = key;
        created.firstSeen = now;
        return created;
    }

    private void save(LedgerEntry entry) {
        if (!repository.isPersistent(entry)) {
            repository.persist(entry);
        }
    }

    private static LedgerState state(LedgerEntry entry) {
        return new LedgerState(entry.key, entry.status, entry.fingerprint, entry.contentHash, entry.version,
                entry.parserVersion, entry.resultHash);
    }
}
