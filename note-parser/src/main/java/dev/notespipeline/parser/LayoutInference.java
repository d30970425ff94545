package dev.notespipeline.parser;

import com.vladsch.flexmark.util.ast.Node;
import dev.notespipeline.parser.BlockTalks.BlockTalk;
import dev.notespipeline.parser.BlockTalks.Sessions;
import dev.notespipeline.parser.HeadingNames.NameRole;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The second and third stages of reading a memo: the role of every heading, from the memo's own structure.
 *
 * <p>Events are the {@code #} headings, unless those behave like talks (most of them name a speaker, a time slot or
 * a session code and do not read like an event's name), or there are none: then the whole memo is one event. Within
 * an event, the talks are the headings of the level where talks are marked: the shallowest level whose headings name
 * speakers, time slots or codes, or else the shallowest level below the event. Headings above that level are groups
 * of talks (their names become the talks' track) or, when no talk stands below them, segments; headings named like a
 * break, a greeting, a party, Q&amp;A, booths or announcements are segments; headings named like an overview or the
 * writer's impressions play that role; headings below a talk are parts of it. A front matter {@code layout} hint
 * ({@link LayoutHints}) fixes the event or talk level for one memo.
 */
final class LayoutInference {

    enum Role { EVENT, GROUP, TALK, SEGMENT, OVERVIEW, IMPRESSIONS, CONTENT, PREAMBLE }

    /** What the parser made of one heading, and why. */
    record Decision(Role role, String reason) {
    }

    private final LayoutHints hints;
    private final Map<Section, SectionFeatures> features = new IdentityHashMap<>();
    private final Map<Section, Decision> decisions = new IdentityHashMap<>();
    private final Set<Integer> talkLevels = new TreeSet<>();
    private final Map<Node, BlockTalk> blockTalks = new IdentityHashMap<>();
    private final Map<Node, Sessions> sessions = new IdentityHashMap<>();
    private final Outline outline;
    private final int eventLevel;

    LayoutInference(Outline outline, LayoutHints hints) {
        this.outline = outline;
        this.hints = hints;
        for (Section section : outline.root.descendants()) {
            features.put(section, new SectionFeatures(section));
        }
        List<Section> top = outline.root.children;
        this.eventLevel = hints.eventLevel() != null ? hints.eventLevel() : eventLevel(top);
        if (eventLevel == 0) {
            readEvent(outline.root.body, top, headingsAreTalks(top) ? Integer.valueOf(1) : null);
            if (hints.talkLevel() == null && decisions.values().stream().noneMatch(decision -> decision.role() == Role.TALK)
                    && sessions.isEmpty()) {
                BlockTalk talk = top.isEmpty() ? BlockTalks.inMemoWithoutHeadings(outline.root.body)
                        : BlockTalks.prose(outline.root.body);
                if (talk != null) {
                    blockTalks.put(talk.start(), talk);
                }
            }
        } else {
            for (Section section : top) {
                readFromTop(section);
            }
        }
    }

    Decision decision(Section section) {
        return decisions.get(section);
    }

    SectionFeatures features(Section section) {
        return features.get(section);
    }

    /** Whether the whole memo is one event (named by its front matter or its file), not its headings. */
    boolean memoIsOneEvent() {
        return eventLevel == 0;
    }

    int eventLevel() {
        return eventLevel;
    }

    /** Talks that begin at a block rather than a heading, by that block. */
    Map<Node, BlockTalk> blockTalks() {
        return blockTalks;
    }

    /** Lists and tables whose items or rows are talks, by that block. */
    Map<Node, Sessions> sessions() {
        return sessions;
    }

    /** The heading levels that hold talks, shallowest first. */
    Set<Integer> talkLevels() {
        return talkLevels;
    }

    private void readFromTop(Section section) {
        SectionFeatures own = features.get(section);
        if (section.level < eventLevel) {
            decide(section, Role.PREAMBLE, "above the event headings");
            section.children.forEach(this::readFromTop);
        } else if (own.nameRole == NameRole.IMPRESSIONS || own.nameRole == NameRole.SOFT_IMPRESSIONS) {
            decide(section, Role.IMPRESSIONS, "named like the writer's impressions");
            section.children.forEach(child -> readInside(child, false));
        } else if (section.level == eventLevel) {
            decide(section, Role.EVENT, eventReason(section));
            readEvent(section.body, section.children, null);
        } else {
            // A heading deeper than the events before the first event heading: the memo itself holds it.
            readEvent(List.of(), List.of(section), null);
        }
    }

    private String eventReason(Section section) {
        return hints.eventLevel() != null ? "the layout hint says events are h" + eventLevel
                : "#".repeat(section.level) + " heading";
    }

    /**
     * The level of the memo's event headings, or 0 when the memo is one event: {@code #} headings are events
     * unless most of them are marked as talks and few read like events.
     */
    private int eventLevel(List<Section> top) {
        List<Section> first = top.stream().filter(section -> section.level == 1 && !namedForARole(section)).toList();
        if (first.isEmpty()) {
            return severalEventsBelowTheTop(top);
        }
        return headingsAreTalks(top) ? 0 : 1;
    }

    /** Without {@code #} headings, top headings are events only when most read like events and none like talks. */
    private int severalEventsBelowTheTop(List<Section> top) {
        List<Section> candidates = top.stream().filter(section -> !namedForARole(section)).toList();
        if (candidates.size() < 2) {
            return 0;
        }
        int level = candidates.stream().mapToInt(section -> section.level).min().orElseThrow();
        List<Section> atLevel = candidates.stream().filter(section -> section.level == level).toList();
        long eventLike = atLevel.stream().filter(section -> features.get(section).soundsLikeAnEvent()
                && !features.get(section).marksATalk() && hasMarkedTalkBelow(section)).count();
        return eventLike * 2 > atLevel.size() && eventLike >= 2 ? level : 0;
    }

    private boolean headingsAreTalks(List<Section> top) {
        List<Section> first = top.stream().filter(section -> section.level == 1 && !namedForARole(section)).toList();
        if (first.isEmpty()) {
            return false;
        }
        long talkLike = first.stream().filter(section -> features.get(section).marksATalk()).count();
        long eventLike = first.stream().filter(section -> readsLikeAnEvent(section)).count();
        if (talkLike > eventLike && talkLike * 2 >= first.size()) {
            return true;
        }
        // Several # headings with notes but no heading below them, none named like an event: the writer keeps one
        // heading a talk, and the memo (or its front matter) is the event.
        return first.size() >= 2 && eventLike == 0 && first.stream().allMatch(this::isLeaf);
    }

    private boolean isLeaf(Section section) {
        return !section.body.isEmpty() && section.children.stream().allMatch(this::namedForARole);
    }

    private boolean readsLikeAnEvent(Section section) {
        SectionFeatures own = features.get(section);
        if (own.marksATalk()) {
            return own.soundsLikeAnEvent() && TextDates.find(section.text) != null;
        }
        return own.soundsLikeAnEvent() || hasMarkedTalkBelow(section)
                || section.children.stream().anyMatch(child -> features.get(child).nameRole == NameRole.OVERVIEW);
    }

    private boolean hasMarkedTalkBelow(Section section) {
        return section.descendants().stream().anyMatch(child -> features.get(child).marksATalk());
    }

    /**
     * Reads one event's headings; {@code fixedTalkLevel} when the event's structure already says it. An event without
     * talk headings may list its talks in a table or a list, in its own text or under its overview or a segment.
     */
    private void readEvent(List<Node> body, List<Section> sections, Integer fixedTalkLevel) {
        List<Section> candidates = new ArrayList<>();
        sections.forEach(section -> collectCandidates(section, candidates));
        Integer hinted = hints.talkLevel();
        int talkLevel = hinted != null ? hinted : fixedTalkLevel != null ? fixedTalkLevel : talkLevel(candidates);
        if (talkLevel > 0) {
            talkLevels.add(talkLevel);
        }
        long atLevel = candidates.stream().filter(section -> section.level == talkLevel).count();
        long marked = candidates.stream().filter(section -> section.level == talkLevel
                && features.get(section).marksATalk()).count();
        boolean talksAreMarked = atLevel > 0 && marked * 2 >= atLevel;
        for (Section section : sections) {
            readInEvent(section, talkLevel, talksAreMarked);
        }
        boolean hasTalks = sections.stream().flatMap(section -> Stream.concat(Stream.of(section),
                section.descendants().stream())).anyMatch(section -> decisions.get(section).role() == Role.TALK);
        if (!hasTalks && hinted == null) {
            List<Node> blocks = new ArrayList<>(body);
            sections.stream().filter(section -> decisions.get(section).role() != Role.IMPRESSIONS)
                    .forEach(section -> blocks.addAll(section.body));
            for (Node block : blocks) {
                Sessions found = BlockTalks.sessionTable(block, outline);
                if (found == null) {
                    found = BlockTalks.sessionList(block, outline);
                }
                if (found != null) {
                    sessions.put(block, found);
                }
            }
        }
    }

    /** The headings that may be talks or groups: not named for another role, nor inside one that is. */
    private void collectCandidates(Section section, List<Section> candidates) {
        if (namedForARole(section)) {
            return;
        }
        candidates.add(section);
        section.children.forEach(child -> collectCandidates(child, candidates));
    }

    private boolean namedForARole(Section section) {
        return features.get(section).nameRole != NameRole.NONE && features.get(section).nameRole != NameRole.GROUP;
    }

    /**
     * The level that holds an event's talks: the shallowest one, unless a deeper level is clearly where the
     * speakers, time slots and codes are, or the shallowest level's headings are named like groups of talks.
     */
    private int talkLevel(List<Section> candidates) {
        TreeSet<Integer> levels = new TreeSet<>();
        candidates.forEach(section -> levels.add(section.level));
        if (levels.isEmpty()) {
            return 0;
        }
        int shallowest = levels.first();
        double shallowestShare = markedShare(candidates, shallowest);
        for (int level : levels.tailSet(shallowest, false)) {
            long all = candidates.stream().filter(section -> section.level == level).count();
            long marked = candidates.stream().filter(section -> section.level == level && features.get(section).marksATalk()).count();
            if (marked >= 2 && marked * 2 >= all && (double) marked / all > shallowestShare) {
                return level;
            }
        }
        List<Section> top = candidates.stream().filter(section -> section.level == shallowest).toList();
        long groups = top.stream().filter(this::looksLikeAGroup).count();
        Integer below = levels.higher(shallowest);
        if (shallowestShare == 0 && groups > 0 && groups * 2 >= top.size() && below != null) {
            return below;
        }
        return shallowest;
    }

    /** Named like a group of talks ("keynote", "Day 1"), with several headings below it and no notes of its own. */
    private boolean looksLikeAGroup(Section section) {
        return features.get(section).nameRole == NameRole.GROUP && section.children.size() >= 2
                && section.body.isEmpty();
    }

    private double markedShare(List<Section> candidates, int level) {
        long all = candidates.stream().filter(section -> section.level == level).count();
        long marked = candidates.stream().filter(section -> section.level == level && features.get(section).marksATalk()).count();
        return all == 0 ? 0 : (double) marked / all;
    }

    private void readInEvent(Section section, int talkLevel, boolean talksAreMarked) {
        SectionFeatures own = features.get(section);
        switch (own.nameRole) {
            case IMPRESSIONS, SOFT_IMPRESSIONS -> {
                decide(section, Role.IMPRESSIONS, "named like the writer's impressions");
                section.children.forEach(child -> readInside(child, false));
                return;
            }
            case OVERVIEW -> {
                decide(section, Role.OVERVIEW, "named like an overview");
                section.children.forEach(child -> readInside(child, false));
                return;
            }
            case SEGMENT -> {
                decide(section, Role.SEGMENT, own.segmentRole);
                section.children.forEach(child -> readInside(child, false));
                return;
            }
            default -> {
            }
        }
        if (talkLevel == 0) {
            decide(section, Role.OVERVIEW, "the layout hint says the memo has no talks");
            section.children.forEach(child -> readInside(child, false));
        } else if (section.level < talkLevel) {
            if (holdsTalks(section, talkLevel)) {
                decide(section, Role.GROUP, "groups the " + "#".repeat(talkLevel) + " talks below it");
                section.children.forEach(child -> readInEvent(child, talkLevel, talksAreMarked));
            } else if (own.marksATalk()) {
                decide(section, Role.TALK, talkReason(own));
                section.children.forEach(child -> readInside(child, talksAreMarked));
            } else {
                decide(section, Role.SEGMENT, "other: no talk below it");
                section.children.forEach(child -> readInside(child, false));
            }
        } else {
            decide(section, Role.TALK, talkReason(own));
            section.children.forEach(child -> readInside(child, talksAreMarked));
        }
    }

    private boolean holdsTalks(Section section, int talkLevel) {
        return section.descendants().stream().anyMatch(child -> child.level >= talkLevel && !namedForARole(child));
    }

    /** A heading below a talk: a part of it, unless it is the writer's impressions or, where talks are marked, a talk. */
    private void readInside(Section section, boolean talksAreMarked) {
        SectionFeatures own = features.get(section);
        if (own.nameRole == NameRole.IMPRESSIONS) {
            decide(section, Role.IMPRESSIONS, "named like the writer's impressions");
            section.children.forEach(child -> readInside(child, false));
        } else if (talksAreMarked && own.marksATalk() && own.nameRole != NameRole.SEGMENT) {
            decide(section, Role.TALK, talkReason(own) + ", nested under another talk");
            section.children.forEach(child -> readInside(child, true));
        } else {
            decide(section, Role.CONTENT, "a part of the section above");
            section.children.forEach(child -> readInside(child, talksAreMarked));
        }
    }

    private String talkReason(SectionFeatures own) {
        Set<String> cues = new LinkedHashSet<>();
        if (own.heading.speaker() != null) {
            cues.add(own.heading.title() == null ? "names its speaker" : "speaker in the heading");
        }
        if (own.bodySpeaker != null) {
            cues.add("speaker on the line below");
        }
        if (own.heading.scheduled()) {
            cues.add("time slot");
        }
        if (own.heading.code() != null) {
            cues.add("session code");
        }
        if (own.heading.numbered()) {
            cues.add("numbered");
        }
        if (cues.isEmpty()) {
            cues.add(hints.talkLevel() != null ? "the layout hint says talks are h" + hints.talkLevel()
                    : "#".repeat(own.section.level) + " heading where the talks are");
        }
        return String.join(", ", cues);
    }

    private void decide(Section section, Role role, String reason) {
        decisions.put(section, new Decision(role, reason));
    }
}
