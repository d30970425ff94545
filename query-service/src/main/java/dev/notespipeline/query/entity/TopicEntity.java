package dev.notespipeline.query.entity;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A topic slug seen on {@code notes.enriched}, with the label and parent of its latest sighting. */
@Entity
@Table(name = "topic")
public class TopicEntity extends PanacheEntityBase {

    @Id
    public String slug;

    @Column(nullable = false)
    public String label;

    public String parent;
}
