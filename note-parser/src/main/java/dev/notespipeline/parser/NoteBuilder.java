package dev.notespipeline.parser;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.Talk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Collects a note's events and talks while the parser walks the document from top to bottom. */
final class NoteBuilder {

    /** Where the text under the current heading goes. */
    interface Section {
        void add(List<Bullet> bullets, Collection<String> urls);
    }

    private static final LinkExtractor LINKS = new LinkExtractor();
    private static final Pattern SPEAKER_LINE = Pattern.compile(
            "^(?:登壇者|スピーカー|speaker)\\s*[:：]\\s*(.+)$", Pattern.CASE_INSENSITIVE);

    private final String noteId;
    private final String noteTitle;
    private final LocalDate noteDate;
    private final List<String> preamble = new ArrayList<>();
    private final List<EventBuilder> events = new ArrayList<>();
    private final Map<String, Integer> eventTitles = new HashMap<>();
    private Section section = (bullets, urls) -> bullets.forEach(bullet -> preamble.add(bullet.plainText()));

    /**
     * @param noteTitle the name of the event that is the memo itself, when it has no {@code #} heading or talks before the first
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
    void startNoteEvent(int line) {
        startEvent(noteTitle, null, line, List.of());
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

    void startTalk(TalkHeading heading, int line, Collection<String> headingUrls) {
        section = currentEvent(line).startTalk(heading, line, headingUrls);
    }

    List<NoteEvent> events() {
        return events.stream().map(EventBuilder::build).toList();
    }

    /** Talks before the first {@code #} heading still belong to an event: the note itself, from {@code line} on. */
    private EventBuilder currentEvent(int line) {
        if (events.isEmpty()) {
            startNoteEvent(line);
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
        private final Map<String, Integer> talkTitles = new HashMap<>();

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

        Section startTalk(TalkHeading heading, int line, Collection<String> headingUrls) {
            int occurrence = talkTitles.merge(heading.title(), 1, Integer::sum) - 1;
            TalkBuilder talk = new TalkBuilder(StableIds.talk(id, heading.title(), occurrence), heading, line);
            talk.urls.addAll(headingUrls);
            talks.add(talk);
            return new BulletSection(talk.bullets, talk.urls);
        }

        NoteEvent build() {
            return new NoteEvent(id, title, date, line, LINKS.classify(urls), overview,
                    talks.stream().map(TalkBuilder::build).toList(), impressions, List.of());
        }
    }

    private static final class TalkBuilder {
        private final String id;
        private final TalkHeading heading;
        private final int line;
        private final Set<String> urls = new LinkedHashSet<>();
        private final List<Bullet> bullets = new ArrayList<>();

        TalkBuilder(String id, TalkHeading heading, int line) {
            this.id = id;
            this.heading = heading;
            this.line = line;
        }

        Talk build() {
            String speaker = heading.speaker() != null ? heading.speaker() : speakerLine();
            return new Talk(id, heading.title(), speaker, heading.durationMinutes(), heading.kind(), line,
                    LINKS.classify(urls), bullets, Bullet.plainText(bullets),
                    null, null, null);
        }

        /** A heading without a speaker may be followed by a line such as {@code 登壇者: 山田さん}. */
        private String speakerLine() {
            for (Bullet bullet : bullets) {
                Matcher matcher = SPEAKER_LINE.matcher(bullet.text().strip());
                if (matcher.matches()) {
                    return TalkHeadingParser.speaker(matcher.group(1));
                }
            }
            return null;
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
