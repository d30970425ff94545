package dev.notespipeline.ingest.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class LedgerRepository implements PanacheRepositoryBase<LedgerEntry, String> {

    private static final int KEYS_PER_QUERY = 1000;
    /** The columns a pass compares; whole entities would carry each note's layout report into the heap. */
    private static final String STATES = "select new dev.notespipeline.ingest.repository.LedgerState(e.key, e.status,"
            + " e.fingerprint, e.contentHash, e.version, e.parserVersion, e.resultHash) from LedgerEntry e ";

    public Optional<LedgerEntry> findByKey(String key) {
        return findByIdOptional(key);
    }

    /** The entries of these keys, in one query per thousand keys. */
    public List<LedgerEntry> findByKeys(List<String> keys) {
        List<LedgerEntry> entries = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            entries.addAll(list("key in ?1", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY))));
        }
        return entries;
    }

    /** The states of these keys, in one query per thousand keys; no entity is loaded. */
    public List<LedgerState> statesOf(List<String> keys) {
        List<LedgerState> states = new ArrayList<>(keys.size());
        for (int from = 0; from < keys.size(); from += KEYS_PER_QUERY) {
            states.addAll(getEntityManager().createQuery(STATES + "where e.key in :keys", LedgerState.class)
                    .setParameter("keys", keys.subList(from, Math.min(keys.size(), from + KEYS_PER_QUERY)))
                    .getResultList());
        }
        return states;
    }

    /**
     * The states of the notes that are in the bucket as far as the ledger knows: a listing without them means they
     * were deleted. No entity is loaded.
     */
    public List<LedgerState> presentStates() {
        return getEntityManager().createQuery(STATES + "where e.status <> :deleted", LedgerState.class)
                .setParameter("deleted", NoteStatus.DELETED).getResultList();
    }

    public PanacheQuery<LedgerEntry> page(Optional<NoteStatus> status) {
        Sort byKey = Sort.by("key");
        return status.map(value -> find("status", byKey, value)).orElseGet(() -> findAll(byKey));
    }

    public Map<NoteStatus, Long> countByStatus() {
        Map<NoteStatus, Long> counts = new EnumMap<>(NoteStatus.class);
        for (NoteStatus status : NoteStatus.values()) {
            counts.put(status, 0L);
        }
        getEntityManager()
                .createQuery("select e.status, count(e) from LedgerEntry e group by e.status", Object[].class)
                .getResultList()
                .forEach(row -> counts.put((NoteStatus) row[0], (Long) row[1]));
        return counts;
    }
}
