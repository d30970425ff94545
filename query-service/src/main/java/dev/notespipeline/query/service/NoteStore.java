package dev.notespipeline.query.service;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.query.repository.DatabaseException;
import dev.notespipeline.query.repository.NoteToStore;
import dev.notespipeline.query.repository.NoteWriter;
import dev.notespipeline.query.repository.StoredVersion;
import dev.notespipeline.text.SearchText;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * Writes what arrives from {@code notes.enriched}, several records in one transaction: each note ends up as the last
 * winning record left it ({@link VersionRule}), and a tombstone removes it. Either every record of the call is
 * committed or none is.
 */
@ApplicationScoped
public class NoteStore {

    /** What storing a record did. */
    public enum Outcome {
        STORED, RETAGGED, SKIPPED,
        /** A tombstone removed the stored note. */
        DELETED,
        /** A tombstone for a note that was not stored. */
        ABSENT
    }

    private final DataSource dataSource;
    private final NoteWriter writer;

    public NoteStore(DataSource dataSource, NoteWriter writer) {
        this.dataSource = dataSource;
        this.writer = writer;
    }

    /** @return what each change did, in the order given */
    public List<Outcome> store(List<NoteChange> changes) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Outcome> outcomes = store(connection, changes);
                connection.commit();
                return outcomes;
            } catch (SQLException | RuntimeException e) {
                rollBack(connection, e);
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    /** A connection that broke cannot roll back either; the failure that broke it is the one to report. */
    private static void rollBack(Connection connection, Exception failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private List<Outcome> store(Connection connection, List<NoteChange> changes) throws SQLException {
        Set<String> noteIds = new LinkedHashSet<>();
        changes.forEach(change -> noteIds.add(change.noteId()));
        Map<String, StoredVersion> stored = writer.lockVersions(connection, noteIds);
        Map<String, StoredVersion> current = new HashMap<>(stored);
        // The last effective change of each note is what the transaction writes.
        Map<String, NoteChange> effective = new LinkedHashMap<>();
        List<Outcome> outcomes = new ArrayList<>(changes.size());
        for (NoteChange change : changes) {
            Outcome outcome;
            if (change instanceof NoteChange.Store store) {
                outcome = VersionRule.decide(current.get(store.noteId()), store.enriched().note().version(),
                        store.enriched().taxonomyVersion());
                if (outcome != Outcome.SKIPPED) {
                    current.put(store.noteId(), new StoredVersion(store.enriched().note().version(), store.enriched().taxonomyVersion()));
                    effective.put(store.noteId(), change);
                }
            } else {
                outcome = current.remove(change.noteId()) != null ? Outcome.DELETED : Outcome.ABSENT;
                if (outcome == Outcome.DELETED) {
                    effective.put(change.noteId(), change);
                }
            }
            outcomes.add(outcome);
        }
        List<String> removed = effective.keySet().stream().filter(stored::containsKey).toList();
        List<NoteToStore> written = effective.values().stream()
                .filter(NoteChange.Store.class::isInstance).map(NoteChange.Store.class::cast)
                .map(store -> new NoteToStore(store.enriched(), searchText(store.enriched())))
                .toList();
        if (!removed.isEmpty() || !written.isEmpty()) {
            writer.replace(connection, removed, written);
        }
        return outcomes;
    }

    /**
     * The search text enrich-service segmented, as it comes: storing runs no Kuromoji. Only a record of an
     * enrich-service from before it carried the search text is segmented here, so its talks stay searchable.
     */
    private static Map<String, String> searchText(EnrichedNote enriched) {
        return enriched.talkSearchText() != null ? enriched.talkSearchText() : SearchText.byTalk(enriched.note());
    }
}
