package dev.notespipeline.query.entity;

import dev.notespipeline.contract.Evidence;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A topic of a whole event (from its title or overview); it applies to all the event's talks. */
@Entity
@Table(name = "event_topic")
public class EventTopicEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public double score;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Evidence> evidence;

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "event_id")
        public String eventId;

        @Column(name = "slug")
        public String slug;

        public Key() {
        }

        public Key(String eventId, String slug) {
            this.eventId = eventId;
            this.slug = slug;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.eventId.equals(eventId) && key.slug.equals(slug);
        }

        @Override
        public int hashCode() {
            return eventId.hashCode() * 31 + slug.hashCode();
        }
    }
}
