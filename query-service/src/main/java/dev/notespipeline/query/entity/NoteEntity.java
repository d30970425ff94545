package dev.notespipeline.query.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The stored version of a note; its events and talks are deleted with it (ON DELETE CASCADE). */
@Entity
@Table(name = "note")
public class NoteEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(nullable = false)
    public long version;

    @Column(name = "content_hash")
    public String contentHash;

    public String title;

    @Column(name = "taxonomy_version")
    public String taxonomyVersion;

    @Column(name = "stored_at", nullable = false)
    public Instant storedAt;
}
