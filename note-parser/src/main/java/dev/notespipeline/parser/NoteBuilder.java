package dev.notespipeline.parser;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.Talk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects a note's events and talks while the parser walks the document from top to bottom. */
final class NoteBuilder {

    /** Where the text under the current heading goes. */
    interface Section {
        void addBullets(List<Bullet> bullets);

        void addParagraph(String text);
    }

    private static final LinkExtractor LINKS = new LinkExtractor();

    private final String noteId;
    private final String noteTitle;
    private final List<String> preamble = new ArrayList<>();
    private final List<EventBuilder> events = new ArrayList<>();
    private final Map<String, Integer> eventTitles = new HashMap<>();
    private Section section = new Section() {
        @Override
        public void addBullets(List<Bullet> bullets) {
            bullets.forEach(bullet -> preamble.add(bullet.plainText()));
        }

        @Override
        public void addParagraph(String text) {
            preamble.add(text);
        }
    };

    NoteBuilder(String noteId, String noteTitle) {
        this.noteId = noteId;
        this.noteTitle = noteTitle;
    }

    Section section() {
        return section;
    }

    String preamble() {
        return String.join("\n", preamble);
    }

    void startEvent(String title, int line) {
        int occurrence = eventTitles.merge(title, 1, Integer::sum) - 1;
        EventBuilder event = new EventBuilder(StableIds.event(noteId, title, occurrence), title, line);
        events.add(event);
        section = event.overviewSection();
    }

    void startOverview() {
        section = currentEvent().overviewSection();
    }

    void startImpressions() {
        section = currentEvent().impressionsSection();
    }

    void startTalk(TalkHeading heading, int line) {
        section = currentEvent().startTalk(heading, line);
    }

    List<NoteEvent> events() {
        return events.stream().map(EventBuilder::build).toList();
    }

    /** A memo whose text starts without a {@code #} heading still has an event: the note itself. */
    private EventBuilder currentEvent() {
        if (events.isEmpty()) {
            startEvent(noteTitle, 1);
        }
        return events.get(events.size() - 1);
    }

    private static final class EventBuilder {
        private final String id;
        private final String title;
        private final int line;
        private final List<Bullet> overview = new ArrayList<>();
        private final List<Bullet> impressions = new ArrayList<>();
        private final List<TalkBuilder> talks = new ArrayList<>();
        private final Map<String, Integer> talkTitles = new HashMap<>();

        EventBuilder(String id, String title, int line) {
            this.id = id;
            this.title = title;
            this.line = line;
        }

        Section overviewSection() {
            return new BulletSection(overview);
        }

        Section impressionsSection() {
            return new BulletSection(impressions);
        }

        Section startTalk(TalkHeading heading, int line) {
            int occurrence = talkTitles.merge(heading.title(), 1, Integer::sum) - 1;
            TalkBuilder talk = new TalkBuilder(StableIds.talk(id, heading.title(), occurrence), heading, line);
            talks.add(talk);
            return new BulletSection(talk.bullets);
        }

        NoteEvent build() {
            String overviewText = Bullet.plainText(overview);
            return new NoteEvent(id, title, null, line, LINKS.extract(overviewText), overview,
                    talks.stream().map(TalkBuilder::build).toList(), impressions);
        }
    }

    private static final class TalkBuilder {
        private final String id;
        private final TalkHeading heading;
        private final int line;
        private final List<Bullet> bullets = new ArrayList<>();

        TalkBuilder(String id, TalkHeading heading, int line) {
            this.id = id;
            this.heading = heading;
            this.line = line;
        }

        Talk build() {
            String text = Bullet.plainText(bullets);
            return new Talk(id, heading.title(), heading.speaker(), heading.durationMinutes(), heading.kind(), line,
                    LINKS.extract(text), bullets, text);
        }
    }

    /** Bullets stay bullets; a paragraph becomes a bullet without children, so nothing written is lost. */
    private record BulletSection(List<Bullet> target) implements Section {
        @Override
        public void addBullets(List<Bullet> bullets) {
            target.addAll(bullets);
        }

        @Override
        public void addParagraph(String text) {
            if (!text.isBlank()) {
                target.add(Bullet.leaf(text));
            }
        }
    }
}
