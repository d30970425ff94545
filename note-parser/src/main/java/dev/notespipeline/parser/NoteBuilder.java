package dev.notespipeline.parser;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.Segment;
import dev.notespipeline.contract.Talk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Collects a note's events, talks and segments while the parser walks the memo from top to bottom. */
final class NoteBuilder {

    /** Where the text under the current heading goes. */
    interface Section {
        void add(List<Bullet> bullets, Collection<String> urls);
    }

    /** A talk's fields as the memo gives them. */
    record TalkFields(String title, String speaker, String affiliation, Integer durationMinutes, String kind,
            String code, String track) {
    }

    private static final LinkExtractor LINKS = new LinkExtractor();

    private final String noteId;
    private final String noteTitle;
    private final LocalDate noteDate;
    private final List<String> preamble = new ArrayList<>();
    private final List<EventBuilder> events = new ArrayList<>();
    private final Map<String, Integer> eventTitles = new HashMap<>();
    private Section section = (bullets, urls) -> bullets.forEach(bullet -> preamble.add(bullet.plainText()));

    /**
     * @param noteTitle the name of the event that is the memo itself, when it has no event heading or talks before the first
     * @param noteDate the date of every event that does not give its own
     */
    NoteBuilder(String noteId, String noteTitle, LocalDate noteDate) {
        this.noteId = noteId;
        this.noteTitle = noteTitle;
        this.noteDate = noteDate;
    }

    Section section() {
        return section;
    }

    /** Goes on writing where it wrote before: after talks read from a list or a table inside a section. */
    void continueIn(Section previous) {
        section = previous;
    }

    String preamble() {
        return String.join("\n", preamble);
    }

    void startEvent(String title, LocalDate date, int line, Collection<String> headingUrls) {
        int occurrence = eventTitles.merge(title, 1, Integer::sum) - 1;
        EventBuilder event = new EventBuilder(StableIds.event(noteId, title, occurrence), title,
                date != null ? date : noteDate, line);
        event.urls.addAll(headingUrls);
        events.add(event);
        section = event.overviewSection();
    }

    /** The memo itself as its only event, starting at {@code line}. */
    void startNoteEvent(LocalDate date, int line) {
        startEvent(noteTitle, date, line, List.of());
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    void startOverview(int line) {
        section = currentEvent(line).overviewSection();
    }

    void startImpressions(int line) {
        section = currentEvent(line).impressionsSection();
    }

    void startTalk(TalkFields fields, int line, Collection<String> headingUrls) {
        section = currentEvent(line).startTalk(fields, line, headingUrls);
    }

    void startSegment(String title, String role, int line, Collection<String> headingUrls) {
        section = currentEvent(line).startSegment(title, role, line, headingUrls);
    }

    List<NoteEvent> events() {
        return events.stream().map(EventBuilder::build).toList();
    }

    /** Talks before the first event heading still belong to an event: the note itself, from {@code line} on. */
    private EventBuilder currentEvent(int line) {
        if (events.isEmpty()) {
            startNoteEvent(null, line);
        }
        return events.get(events.size() - 1);
    }

    private static final class EventBuilder {
        private final String id;
        private final String title;
        private final LocalDate date;
        private final int line;
        private final Set<String> urls = new LinkedHashSet<>();
        private final List<Bullet> overview = new ArrayList<>();
        private final List<Bullet> impressions = new ArrayList<>();
        private final List<TalkBuilder> talks = new ArrayList<>();
        private final List<SegmentBuilder> segments = new ArrayList<>();
        private final Map<String, Integer> talkKeys = new HashMap<>();

        EventBuilder(String id, String title, LocalDate date, int line) {
            this.id = id;
            this.title = title;
            this.date = date;
            this.line = line;
        }

        Section overviewSection() {
            return new BulletSection(overview, urls);
        }

        /** Impressions belong to no talk, so their links are the event's, as the overview's are. */
        Section impressionsSection() {
            return new BulletSection(impressions, urls);
        }

        /**
         * A talk, or more notes on one already started: the same speaker with the same title at one event is one
         * talk, pasted twice.
         */
        Section startTalk(TalkFields fields, int line, Collection<String> headingUrls) {
            for (TalkBuilder talk : talks) {
                if (fields.speaker() != null && fields.speaker().equals(talk.fields.speaker())
                        && Objects.equals(fields.title(), talk.fields.title())) {
                    talk.urls.addAll(headingUrls);
                    return new BulletSection(talk.bullets, talk.urls);
                }
            }
            String key = fields.title() != null ? fields.title() : "\u0000speaker " + fields.speaker();
            int occurrence = talkKeys.merge(key, 1, Integer::sum) - 1;
            TalkBuilder talk = new TalkBuilder(StableIds.talk(id, key, occurrence), fields, line);
            talk.urls.addAll(headingUrls);
            talks.add(talk);
            return new BulletSection(talk.bullets, talk.urls);
        }

        /** A segment's links are the event's: a break or a party has no talk to carry them. */
        Section startSegment(String title, String role, int line, Collection<String> headingUrls) {
            SegmentBuilder segment = new SegmentBuilder(title, role, line);
            segments.add(segment);
            urls.addAll(headingUrls);
            return new BulletSection(segment.bullets, urls);
        }

        NoteEvent build() {
            return new NoteEvent(id, title, date, line, LINKS.classify(urls), overview,
                    talks.stream().map(TalkBuilder::build).toList(), impressions,
                    segments.stream().map(SegmentBuilder::build).toList());
        }
    }

    private static final class TalkBuilder {
        private final String id;
        private final TalkFields fields;
        private final int line;
        private final Set<String> urls = new LinkedHashSet<>();
        private final List<Bullet> bullets = new ArrayList<>();

        TalkBuilder(String id, TalkFields fields, int line) {
            this.id = id;
            this.fields = fields;
            this.line = line;
        }

        Talk build() {
            return new Talk(id, fields.title(), fields.speaker(), fields.durationMinutes(), fields.kind(), line,
                    LINKS.classify(urls), bullets, Bullet.plainText(bullets), fields.affiliation(), fields.track(),
                    fields.code());
        }
    }

    private record SegmentBuilder(String title, String role, int line, List<Bullet> bullets) {

        SegmentBuilder(String title, String role, int line) {
            this(title, role, line, new ArrayList<>());
        }

        Segment build() {
            return new Segment(title, role, line, bullets);
        }
    }

    /** Bullets stay bullets; other text comes as bullets without children, so nothing written is lost. */
    private record BulletSection(List<Bullet> target, Set<String> urls) implements Section {
        @Override
        public void add(List<Bullet> bullets, Collection<String> found) {
            bullets.stream().filter(bullet -> !bullet.text().isBlank() || !bullet.children().isEmpty()).forEach(target::add);
            urls.addAll(found);
        }
    }
}
