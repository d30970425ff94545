package dev.notespipeline.query.entity;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.Link;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "talk")
public class TalkEntity extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "event_id")
    public EventEntity event;

    @Column(name = "note_id", nullable = false)
    public String noteId;

    /** The event's date and position in its note, copied so the talk list sorts and pages on one index. */
    @Column(name = "event_date")
    public LocalDate eventDate;

    @Column(name = "event_position", nullable = false)
    public int eventPosition;

    /** Order within the event. */
    @Column(nullable = false)
    public int position;

    /** Null when the memo's heading names only its speaker. */
    public String title;

    /** Several speakers are joined by {@code " / "}. */
    public String speaker;

    /** The speaker's company or community, one per speaker joined by {@code " / "}. */
    public String affiliation;

    /** The group headings above the talk, such as {@code Day 1 / Track A}. */
    public String track;

    /** The session code the memo gives, such as {@code CON310}. */
    public String code;

    @Column(name = "duration_minutes")
    public Integer durationMinutes;

    public String kind;

    @Column(nullable = false)
    public int line;

    @Column(nullable = false)
    public String text;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Bullet> bullets;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Link> links;

    @Column(name = "taxonomy_version")
    public String taxonomyVersion;

    /** Title, speaker, text and event title split into words; the database derives its tsvectors from it. */
    @Column(name = "search_text", nullable = false)
    public String searchText;
}
