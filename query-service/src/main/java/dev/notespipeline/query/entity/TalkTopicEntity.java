package dev.notespipeline.query.entity;

import dev.notespipeline.contract.Evidence;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "talk_topic")
public class TalkTopicEntity extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @MapsId("talkId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "talk_id")
    public TalkEntity talk;

    @Column(nullable = false)
    public String label;

    @Column(nullable = false)
    public double score;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Evidence> evidence;

    public String slug() {
        return key.slug;
    }

    @Embeddable
    public static class Key implements Serializable {
        @Column(name = "talk_id")
        public String talkId;

        @Column(name = "slug")
        public String slug;

        public Key() {
        }

        public Key(String talkId, String slug) {
            this.talkId = talkId;
            this.slug = slug;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.talkId.equals(talkId) && key.slug.equals(slug);
        }

        @Override
        public int hashCode() {
            return talkId.hashCode() * 31 + slug.hashCode();
        }
    }
}
