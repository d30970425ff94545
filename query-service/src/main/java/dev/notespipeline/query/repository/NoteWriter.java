package dev.notespipeline.query.repository;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Writes notes with their events, talks and tags inside the caller's transaction, all of them at once: one batch per
 * table (the driver rewrites each batch into multi-row INSERTs), one DELETE for every replaced note, one upsert for all
 * topic rows.
 */
@ApplicationScoped
public class NoteWriter {

    private static final String NOTE = "INSERT INTO note (id, version, content_hash, title, taxonomy_version, stored_at,"
            + " parser_version, layout) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
    private static final String EVENT = "INSERT INTO event (id, note_id, position, title, event_date, line, links, overview,"
            + " impressions, segments) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?::jsonb, ?::jsonb)";
    private static final String TALK = "INSERT INTO talk (id, event_id, note_id, position, title, speaker, affiliation, track,"
            + " code, duration_minutes, kind, line, text, bullets, links, taxonomy_version, event_date, event_position,"
            + " search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?)";
    private static final String TALK_TOPIC = "INSERT INTO talk_topic (talk_id, slug, label, score, evidence) VALUES (?, ?, ?, ?, ?::jsonb)";
    private static final String EVENT_TOPIC = "INSERT INTO event_topic (event_id, slug, label, score, evidence) VALUES (?, ?, ?, ?, ?::jsonb)";

    private final TopicRepository topics;

    public NoteWriter(TopicRepository topics) {
        this.topics = topics;
    }

    /** The stored versions of these notes, locked until the transaction ends; notes not stored are absent. */
    public Map<String, StoredVersion> lockVersions(Connection connection, Collection<String> noteIds) throws SQLException {
        Map<String, StoredVersion> versions = new HashMap<>();
        Jdbc.query(connection, "SELECT id, version, taxonomy_version FROM note WHERE id = ANY(?) FOR UPDATE",
                List.of(Jdbc.texts(connection, noteIds)),
                row -> versions.put(row.getString(1), new StoredVersion(row.getLong(2), row.getString(3))));
        return versions;
    }

    /**
     * Deletes the stored notes {@code removed} (the database's ON DELETE CASCADE takes their events, talks and tags),
     * then inserts {@code written}, and brings the topic counts up to date.
     */
    public void replace(Connection connection, Collection<String> removed, List<NoteToStore> written) throws SQLException {
        Map<String, Long> removedTalks = topics.talkCountsOfNotes(connection, removed);
        if (!removed.isEmpty()) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM note WHERE id = ANY(?)")) {
                delete.setArray(1, Jdbc.texts(connection, removed));
                delete.executeUpdate();
            }
        }
        SortedMap<String, TopicSighting> sightings = new TreeMap<>();
        if (!written.isEmpty()) {
            insert(connection, written, sightings);
        }
        removedTalks.forEach((slug, count) -> sightings.merge(slug, new TopicSighting(null, null, -count),
                (seen, gone) -> new TopicSighting(seen.label(), seen.parent(), seen.talkDelta() + gone.talkDelta())));
        topics.record(connection, sightings);
    }

    private static void insert(Connection connection, List<NoteToStore> written, SortedMap<String, TopicSighting> sightings)
            throws SQLException {
        OffsetDateTime now = OffsetDateTime.now();
        try (PreparedStatement notes = connection.prepareStatement(NOTE);
             PreparedStatement events = connection.prepareStatement(EVENT);
             PreparedStatement talks = connection.prepareStatement(TALK);
             PreparedStatement talkTopics = connection.prepareStatement(TALK_TOPIC);
             PreparedStatement eventTopics = connection.prepareStatement(EVENT_TOPIC)) {
            for (NoteToStore toStore : written) {
                EnrichedNote enriched = toStore.enriched();
                ParsedNote note = enriched.note();
                // A version-1 record has no parser version (it reads as 0): unknown, not a version.
                bindAndAdd(notes, note.noteId(), note.version(), note.contentHash(), note.title(), enriched.taxonomyVersion(), now,
                        note.parserVersion() > 0 ? note.parserVersion() : null,
                        note.layout() == null ? null : NoteJson.write(note.layout()));
                List<NoteEvent> noteEvents = note.events();
                for (int e = 0; e < noteEvents.size(); e++) {
                    NoteEvent event = noteEvents.get(e);
                    LocalDate date = event.date() != null ? event.date() : note.date();
                    bindAndAdd(events, event.id(), note.noteId(), e, event.title(), date, event.line(), NoteJson.write(event.links()),
                            NoteJson.write(event.overview()), NoteJson.write(event.impressions()), NoteJson.write(event.segments()));
                    for (TopicTag tag : distinct(enriched.topicsOfEvent(event.id()))) {
                        bindAndAdd(eventTopics, event.id(), tag.slug(), labelOf(tag), tag.score(), NoteJson.write(tag.evidence()));
                        sightings.merge(tag.slug(), new TopicSighting(labelOf(tag), tag.parent(), 0), TopicSighting::seenAgain);
                    }
                    List<Talk> eventTalks = event.talks();
                    for (int t = 0; t < eventTalks.size(); t++) {
                        Talk talk = eventTalks.get(t);
                        bindAndAdd(talks, talk.id(), event.id(), note.noteId(), t, talk.title(), talk.speaker(), talk.affiliation(),
                                talk.track(), talk.code(), talk.durationMinutes(), talk.kind(), talk.line(), talk.text(),
                                NoteJson.write(talk.bullets()), NoteJson.write(talk.links()), enriched.taxonomyVersion(), date, e, toStore.searchTextByTalk().getOrDefault(talk.id(), ""));
                        for (TopicTag tag : distinct(enriched.topicsOfTalk(talk.id()))) {
                            bindAndAdd(talkTopics, talk.id(), tag.slug(), labelOf(tag), tag.score(), NoteJson.write(tag.evidence()));
                            sightings.merge(tag.slug(), new TopicSighting(labelOf(tag), tag.parent(), 1), TopicSighting::seenAgain);
                        }
                    }
                }
            }
            // Parents before children: a talk row needs its event, a tag its talk.
            notes.executeBatch();
            events.executeBatch();
            talks.executeBatch();
            talkTopics.executeBatch();
            eventTopics.executeBatch();
        }
    }

    private static void bindAndAdd(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
    }

    /** One tag per slug (the first), as the table's key demands. */
    private static Collection<TopicTag> distinct(List<TopicTag> tags) {
        Map<String, TopicTag> bySlug = new LinkedHashMap<>();
        tags.forEach(tag -> bySlug.putIfAbsent(tag.slug(), tag));
        return bySlug.values();
    }

    private static String labelOf(TopicTag tag) {
        return tag.label() == null || tag.label().isBlank() ? tag.slug() : tag.label();
    }
}
