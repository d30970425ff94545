package dev.notespipeline.query.repository;

import dev.notespipeline.query.entity.NoteEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class NoteRepository implements PanacheRepositoryBase<NoteEntity, String> {

    public Long versionOf(String noteId) {
        return getEntityManager()
                .createQuery("select n.version from NoteEntity n where n.id = :id", Long.class)
                .setParameter("id", noteId)
                .getResultStream().findFirst().orElse(null);
    }

    /**
     * Deletes the note with a bulk statement so the database's ON DELETE CASCADE removes its events, talks
     * and topics at once, before the new version's rows (with the same ids) are inserted.
     */
    public long deleteNote(String noteId) {
        getEntityManager().flush();
        long deleted = delete("id", noteId);
        getEntityManager().clear();
        return deleted;
    }
}
