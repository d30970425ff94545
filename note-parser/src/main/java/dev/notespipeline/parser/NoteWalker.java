package dev.notespipeline.parser;

import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Node;
import dev.notespipeline.contract.Bullet;
import dev.notespipeline.parser.BlockTalks.BlockTalk;
import dev.notespipeline.parser.BlockTalks.Session;
import dev.notespipeline.parser.BlockTalks.Sessions;
import dev.notespipeline.parser.LayoutInference.Decision;
import dev.notespipeline.parser.NoteBuilder.TalkFields;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The last stage of reading a memo: walks its sections in source order and hands each heading and block to the
 * {@link NoteBuilder} as the layout decided, so every line of the memo lands in exactly one place.
 */
final class NoteWalker {

    /** {@code 【増枠しました！】}: an announcement in front of an event's name, not part of it. */
    private static final Pattern LEADING_NOTICE = Pattern.compile("^【[^】]*】\\s*(?=\\S)");
    private static final int DATE_PARAGRAPHS = 3;

    private final Outline outline;
    private final LayoutInference layout;
    private final NoteBuilder note;
    private final Deque<String> groups = new ArrayDeque<>();

    NoteWalker(Outline outline, LayoutInference layout, NoteBuilder note) {
        this.outline = outline;
        this.layout = layout;
        this.note = note;
    }

    void walk(LocalDate memoDate) {
        if (layout.memoIsOneEvent()) {
            int first = firstLine();
            if (first > 0) {
                note.startNoteEvent(memoDate != null ? memoDate : dateIn(outline.root.body), first);
            }
        }
        addBody(outline.root.body);
        outline.root.children.forEach(this::walk);
    }

    private void walk(Section section) {
        Decision decision = layout.decision(section);
        SectionFeatures features = layout.features(section);
        String title = features.heading.title() != null ? features.heading.title() : section.text;
        List<String> headingUrls = List.copyOf(NodeText.urls(section.heading, outline.document));
        switch (decision.role()) {
            case EVENT -> note.startEvent(LEADING_NOTICE.matcher(section.text).replaceFirst(""), eventDate(section),
                    section.line, headingUrls);
            case GROUP -> {
                groups.addLast(title);
                if (!section.body.isEmpty()) {
                    note.startSegment(title, "group", section.line, headingUrls);
                }
            }
            case TALK -> note.startTalk(new TalkFields(features.heading.title(), features.speaker(),
                    features.affiliation(), features.heading.durationMinutes(), features.heading.kind(),
                    features.heading.code(), groups.isEmpty() ? null : String.join(" / ", groups)), section.line, headingUrls);
            case SEGMENT -> note.startSegment(title, features.segmentRole != null ? features.segmentRole : "other",
                    section.line, headingUrls);
            case OVERVIEW -> note.startOverview(section.line);
            case IMPRESSIONS -> note.startImpressions(section.line);
            case CONTENT, PREAMBLE -> note.section().add(List.of(Bullet.leaf(section.text)), headingUrls);
        }
        addBody(section.body);
        section.children.forEach(this::walk);
        if (decision.role() == LayoutInference.Role.GROUP) {
            groups.removeLast();
        }
    }

    private void addBody(List<Node> body) {
        for (Node block : body) {
            Sessions sessions = layout.sessions().get(block);
            if (sessions != null) {
                NoteBuilder.Section around = note.section();
                for (Session session : sessions.talks()) {
                    note.startTalk(session.fields(), session.line(), session.urls());
                    note.section().add(session.bullets(), session.urls());
                }
                note.continueIn(around);
                continue;
            }
            BlockTalk talk = layout.blockTalks().get(block);
            if (talk != null) {
                note.startTalk(talk.fields(), outline.lineOf(block), List.of());
                if (talk.startIsTitle()) {
                    continue;
                }
            }
            note.section().add(Blocks.bullets(block), NodeText.urls(block, outline.document));
        }
    }

    /** Where the memo's own event begins: its first block of text or heading; 0 for a memo with nothing in it. */
    private int firstLine() {
        if (!outline.root.body.isEmpty()) {
            return outline.lineOf(outline.root.body.get(0));
        }
        return outline.root.children.isEmpty() ? 0 : outline.root.children.get(0).line;
    }

    /** An event's date: in its heading, else in the first lines under it; null to take the memo's. */
    private static LocalDate eventDate(Section event) {
        LocalDate inHeading = TextDates.find(event.text);
        return inHeading != null ? inHeading : dateIn(event.body);
    }

    private static LocalDate dateIn(List<Node> body) {
        int paragraphs = 0;
        for (Node block : body) {
            if (!(block instanceof Paragraph) || paragraphs++ == DATE_PARAGRAPHS) {
                break;
            }
            LocalDate date = TextDates.find(NodeText.plainText(block));
            if (date != null) {
                return date;
            }
        }
        return null;
    }
}
