package dev.notespipeline.query.service;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.query.entity.EventEntity;
import dev.notespipeline.query.entity.NoteEntity;
import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import dev.notespipeline.query.repository.NoteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Writes notes as they arrive from {@code notes.enriched}: a version replaces the stored one in one
 * transaction, a version not newer than the stored one changes nothing, so redelivery and replays are safe.
 */
@ApplicationScoped
public class NoteStore {

    private static final Logger LOG = Logger.getLogger(NoteStore.class);

    @Inject
    NoteRepository notes;

    /** @return true when the note was stored, false when a same or newer version already was */
    @Transactional
    public boolean store(EnrichedNote enriched) {
        ParsedNote note = enriched.note();
        Long storedVersion = notes.versionOf(note.noteId());
        if (storedVersion != null && storedVersion >= note.version()) {
            LOG.debugf("skipped %s version %d: version %d is stored", note.noteId(), note.version(), storedVersion);
            return false;
        }
        notes.deleteNote(note.noteId());
        NoteEntity entity = new NoteEntity();
        entity.id = note.noteId();
        entity.version = note.version();
        entity.contentHash = note.contentHash();
        entity.title = note.title();
        entity.taxonomyVersion = enriched.taxonomyVersion();
        entity.storedAt = Instant.now();
        entity.persist();
        List<NoteEvent> events = note.events();
        for (int e = 0; e < events.size(); e++) {
            EventEntity event = event(note, events.get(e), e);
            event.persist();
            List<Talk> talks = events.get(e).talks();
            for (int t = 0; t < talks.size(); t++) {
                TalkEntity talk = talk(note, event, talks.get(t), t, enriched.taxonomyVersion());
                talk.persist();
                for (TopicTag tag : enriched.topicsOfTalk(talk.id)) {
                    topic(talk, tag).persist();
                }
            }
        }
        return true;
    }

    /** A tombstone: the file is gone from the bucket. */
    @Transactional
    public boolean delete(String noteId) {
        return notes.deleteNote(noteId) > 0;
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
        return event;
    }

    private static TalkEntity talk(ParsedNote note, EventEntity event, Talk source, int position, String taxonomyVersion) {
        TalkEntity talk = new TalkEntity();
        talk.id = source.id();
        talk.event = event;
        talk.noteId = note.noteId();
        talk.position = position;
        talk.title = source.title();
        talk.speaker = source.speaker();
        talk.durationMinutes = source.durationMinutes();
        talk.kind = source.kind();
        talk.line = source.line();
        talk.text = source.text();
        talk.bullets = source.bullets();
        talk.links = source.links();
        talk.taxonomyVersion = taxonomyVersion;
        return talk;
    }

    private static TalkTopicEntity topic(TalkEntity talk, TopicTag tag) {
        TalkTopicEntity topic = new TalkTopicEntity();
        topic.key = new TalkTopicEntity.Key(talk.id, tag.slug());
        topic.talk = talk;
        topic.label = tag.label();
        topic.score = tag.score();
        topic.evidence = tag.evidence();
        return topic;
    }
}
