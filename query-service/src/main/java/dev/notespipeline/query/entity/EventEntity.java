package dev.notespipeline.query.entity;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.Link;
import dev.notespipeline.contract.Segment;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "event")
public class EventEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "note_id", nullable = false)
    public String noteId;

    /** Order within the note. */
    @Column(nullable = false)
    public int position;

    @Column(nullable = false)
    public String title;

    @Column(name = "event_date")
    public LocalDate date;

    @Column(nullable = false)
    public int line;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Link> links;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Bullet> overview;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Bullet> impressions;

    /** What happened at the event that is not a talk: breaks, greetings, parties, Q&amp;A, booths, announcements. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Segment> segments;
}
