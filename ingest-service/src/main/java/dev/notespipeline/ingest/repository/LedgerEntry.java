package dev.notespipeline.ingest.repository;

import dev.notespipeline.contract.LayoutReport;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** What ingest last did with one note; written only after Kafka acknowledged what it published. */
@Entity
@Table(name = "note_ledger")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    @Column(name = "note_key")
    public String key;

    /** SHA-256 of the bytes last read, hex; null when the file could not be read at all. */
    @Column(name = "content_hash")
    public String contentHash;

    /** The version last published or refused; it only grows. */
    @Column(nullable = false)
    public long version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NoteStatus status;

    /** A short code for why the note was rejected (a metric tag), null otherwise. */
    public String reason;

    /** The rejection in words. */
    public String detail;

    @Column(name = "event_count", nullable = false)
    public int eventCount;

    @Column(name = "talk_count", nullable = false)
    public int talkCount;

    /** Size and stamp of the file when it was handled: an equal one means unchanged, without reading it. */
    public String fingerprint;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_changed", nullable = false)
    public Instant lastChanged;

    /**
     * The parser version that read the file last; null when the parser never read it (rejected before: too large,
     * not UTF-8…). A newer parser reads the file again.
     */
    @Column(name = "parser_version")
    public Integer parserVersion;

    /** SHA-256 of the parse result without what changes with every publish (version, content hash, times). */
    @Column(name = "result_hash")
    public String resultHash;

    /** How the parser read the memo's layout; null when it was not published. */
    @JdbcTypeCode(SqlTypes.JSON)
    public LayoutReport layout;
}
