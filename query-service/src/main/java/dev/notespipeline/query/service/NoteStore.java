package dev.notespipeline.query.service;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.query.entity.EventEntity;
import dev.notespipeline.query.entity.EventTopicEntity;
import dev.notespipeline.query.entity.NoteEntity;
import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import dev.notespipeline.query.entity.TopicEntity;
import dev.notespipeline.query.repository.NoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Writes notes as they arrive from {@code notes.enriched}: a version replaces the stored one in one
 * transaction, a version not newer than the stored one changes nothing, so redelivery and replays are safe.
 *
 * <p>One exception: after a taxonomy change enrich-service re-publishes the same note version with another
 * taxonomy version; that re-tag replaces the stored tags. Taxonomy versions are labels, not ordered, so any
 * other taxonomy version counts as a re-tag (the compacted topic keeps only the latest record per note).
 */
@ApplicationScoped
public class NoteStore {

    private static final Logger LOG = Logger.getLogger(NoteStore.class);

    @Inject
    NoteRepository notes;

    /** What {@link #store} did with a record. */
    public enum Outcome { STORED, RETAGGED, SKIPPED }

    @Transactional
    public Outcome store(EnrichedNote enriched) {
        ParsedNote note = enriched.note();
        NoteEntity stored = notes.findById(note.noteId());
        Outcome outcome = Outcome.STORED;
        if (stored != null) {
            if (stored.version > note.version()
                    || stored.version == note.version() && Objects.equals(stored.taxonomyVersion, enriched.taxonomyVersion())) {
                LOG.debugf("skipped %s version %d (taxonomy %s): version %d (taxonomy %s) is stored", note.noteId(),
                        note.version(), enriched.taxonomyVersion(), stored.version, stored.taxonomyVersion);
                return Outcome.SKIPPED;
            }
            if (stored.version == note.version()) {
                outcome = Outcome.RETAGGED;
            }
        }
        notes.deleteNote(note.noteId());
        rememberTopics(enriched);
        NoteEntity entity = new NoteEntity();
        entity.id = note.noteId();
        entity.version = note.version();
        entity.contentHash = note.contentHash();
        entity.title = note.title();
        entity.taxonomyVersion = enriched.taxonomyVersion();
        entity.storedAt = Instant.now();
        // A version-1 record has no parser version (it reads as 0): unknown, not a version.
        entity.parserVersion = note.parserVersion() > 0 ? note.parserVersion() : null;
        entity.layout = note.layout();
        entity.persist();
        List<NoteEvent> events = note.events();
        for (int e = 0; e < events.size(); e++) {
            NoteEvent source = events.get(e);
            EventEntity event = event(note, source, e);
            event.persist();
            for (TopicTag tag : withAncestors(enriched.topicsOfEvent(source.id()))) {
                eventTopic(event, tag).persist();
            }
            List<Talk> talks = source.talks();
            for (int t = 0; t < talks.size(); t++) {
                TalkEntity talk = talk(note, event, talks.get(t), t, enriched.taxonomyVersion());
                talk.persist();
                for (TopicTag tag : withAncestors(enriched.topicsOfTalk(talk.id))) {
                    talkTopic(talk, tag).persist();
                }
            }
        }
        return outcome;
    }

    /** A tombstone: the file is gone from the bucket. */
    @Transactional
    public boolean delete(String noteId) {
        return notes.deleteNote(noteId) > 0;
    }

    /**
     * Upserts every slug of the record into the topic table. Replicas store different notes at once, so this is
     * one atomic statement per slug, in slug order (a fixed lock order: two transactions cannot deadlock here).
     */
    private void rememberTopics(EnrichedNote enriched) {
        Stream.concat(enriched.talkTopics().values().stream(), enriched.eventTopics().values().stream())
                .flatMap(List::stream)
                .collect(Collectors.toMap(TopicTag::slug, tag -> tag, (first, second) -> first, TreeMap::new))
                .values()
                .forEach(tag -> notes.getEntityManager().createNativeQuery("INSERT INTO topic (slug, label, parent)"
                                + " VALUES (:slug, :label, CAST(:parent AS TEXT)) ON CONFLICT (slug)"
                                + " DO UPDATE SET label = EXCLUDED.label, parent = EXCLUDED.parent")
                        .setParameter("slug", tag.slug())
                        .setParameter("label", labelOf(tag))
                        .setParameter("parent", tag.parent())
                        .executeUpdate());
    }

    /**
     * The tags plus every ancestor they name: filtering on a parent topic must find its children's talks.
     * enrich-service already sends the ancestors; this keeps that true for any producer.
     */
    private List<TopicTag> withAncestors(List<TopicTag> tags) {
        Map<String, TopicTag> bySlug = new LinkedHashMap<>();
        tags.forEach(tag -> bySlug.putIfAbsent(tag.slug(), tag));
        for (TopicTag tag : new ArrayList<>(bySlug.values())) {
            String parentSlug = tag.parent();
            while (parentSlug != null && !bySlug.containsKey(parentSlug)) {
                TopicEntity parent = notes.getEntityManager().find(TopicEntity.class, parentSlug);
                String label = parent != null ? parent.label : parentSlug;
                String grandParent = parent != null ? parent.parent : null;
                bySlug.put(parentSlug, new TopicTag(parentSlug, label, grandParent, tag.score(), tag.evidence()));
                parentSlug = grandParent;
            }
        }
        return List.copyOf(bySlug.values());
    }

    private static EventEntity event(ParsedNote note, NoteEvent source, int position) {
        EventEntity event = new EventEntity();
        event.id = source.id();
        event.noteId = note.noteId();
        event.position = position;
        event.title = source.title();
        event.date = source.date() != null ? source.date() : note.date();
        event.line = source.line();
        event.links = source.links();
        event.overview = source.overview();
        event.impressions = source.impressions();
        event.segments = source.segments();
        return event;
    }

    private static TalkEntity talk(ParsedNote note, EventEntity event, Talk source, int position, String taxonomyVersion) {
        TalkEntity talk = new TalkEntity();
        talk.id = source.id();
        talk.event = event;
        talk.noteId = note.noteId();
        talk.eventDate = event.date;
        talk.eventPosition = event.position;
        talk.position = position;
        talk.title = source.title();
        talk.speaker = source.speaker();
        talk.affiliation = source.affiliation();
        talk.track = source.track();
        talk.code = source.code();
        talk.durationMinutes = source.durationMinutes();
        talk.kind = source.kind();
        talk.line = source.line();
        talk.text = source.text();
        talk.bullets = source.bullets();
        talk.links = source.links();
        talk.taxonomyVersion = taxonomyVersion;
        talk.searchText = SearchText.of(source.text(), source.title(), source.speaker(), source.affiliation(),
                source.code(), event.title);
        return talk;
    }

    private static TalkTopicEntity talkTopic(TalkEntity talk, TopicTag tag) {
        TalkTopicEntity topic = new TalkTopicEntity();
        topic.key = new TalkTopicEntity.Key(talk.id, tag.slug());
        topic.talk = talk;
        topic.label = labelOf(tag);
        topic.score = tag.score();
        topic.evidence = tag.evidence();
        return topic;
    }

    private static EventTopicEntity eventTopic(EventEntity event, TopicTag tag) {
        EventTopicEntity topic = new EventTopicEntity();
        topic.key = new EventTopicEntity.Key(event.id, tag.slug());
        topic.label = labelOf(tag);
        topic.score = tag.score();
        topic.evidence = tag.evidence();
        return topic;
    }

    private static String labelOf(TopicTag tag) {
        return tag.label() == null || tag.label().isBlank() ? tag.slug() : tag.label();
    }
}
