package dev.notespipeline.query.entity;

import dev.notespipeline.contract.LayoutReport;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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

    /** The parser version that read the memo; null for notes published before ingest recorded it. */
    @Column(name = "parser_version")
    public Integer parserVersion;

    /** How the parser read the memo's layout; null for notes published before the parser reported it. */
    @JdbcTypeCode(SqlTypes.JSON)
    public LayoutReport layout;
}
