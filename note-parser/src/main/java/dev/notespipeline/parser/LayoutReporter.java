package dev.notespipeline.parser;

import com.vladsch.flexmark.ext.tables.TableBlock;
import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.LayoutReport.LayoutDecision;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.parser.BlockTalks.BlockTalk;
import dev.notespipeline.parser.BlockTalks.Sessions;
import dev.notespipeline.parser.LayoutInference.Decision;
import dev.notespipeline.parser.LayoutInference.Role;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Says, for one memo, what the layout inference decided and why: one sentence, and one line per heading. */
final class LayoutReporter {

    private LayoutReporter() {
    }

    static LayoutReport report(Outline outline, LayoutInference layout, LayoutHints hints, List<NoteEvent> events,
            boolean titledByFrontMatter) {
        List<LayoutDecision> decisions = new ArrayList<>();
        int segments = 0;
        int groups = 0;
        Set<Integer> talkLevels = new TreeSet<>();
        for (Section section : outline.root.descendants()) {
            Decision decision = layout.decision(section);
            decisions.add(new LayoutDecision(section.line, section.text, decision.role().name().toLowerCase(Locale.ROOT),
                    decision.reason()));
            segments += decision.role() == Role.SEGMENT ? 1 : 0;
            groups += decision.role() == Role.GROUP ? 1 : 0;
            if (decision.role() == Role.TALK) {
                talkLevels.add(section.level);
            }
        }
        for (BlockTalk talk : layout.blockTalks().values()) {
            String firstLine = NodeText.plainText(talk.start()).lines().findFirst().orElse("");
            decisions.add(new LayoutDecision(outline.lineOf(talk.start()), firstLine, "talk", talk.reason()));
        }
        for (Sessions found : layout.sessions().values()) {
            decisions.add(new LayoutDecision(outline.lineOf(found.block()), found.talks().size() + " talks", "talks",
                    found.reason()));
        }
        decisions.sort(Comparator.comparingInt(LayoutDecision::line));
        String eventSource = !layout.memoIsOneEvent() ? "heading" : titledByFrontMatter ? "front-matter" : "file-name";
        String talkUnit = !layout.talkLevels().isEmpty() ? "h" + layout.talkLevels().iterator().next()
                : !layout.sessions().isEmpty() ? (layout.sessions().keySet().iterator().next()
                        instanceof TableBlock ? "table" : "list")
                : layout.blockTalks().isEmpty() ? "none"
                : layout.blockTalks().values().iterator().next().startIsTitle() ? "first-line" : "prose";
        long talks = events.stream().mapToLong(event -> event.talks().size()).sum();
        StringBuilder summary = new StringBuilder();
        summary.append(events.size() == 1 ? "1 event" : events.size() + " events");
        summary.append(switch (eventSource) {
            case "heading" -> " from " + "#".repeat(layout.eventLevel()) + " headings";
            case "front-matter" -> " named by the front matter title";
            default -> " named by the file";
        });
        summary.append("; ").append(talks).append(talks == 1 ? " talk" : " talks");
        if (!talkLevels.isEmpty()) {
            summary.append(" from ").append(levels(talkLevels)).append(" headings");
        }
        if (groups > 0) {
            summary.append(" in ").append(groups).append(groups == 1 ? " group" : " groups");
        }
        if (segments > 0) {
            summary.append("; ").append(segments).append(segments == 1 ? " heading is" : " headings are")
                    .append(" not a talk");
        }
        if (hints.written() != null) {
            summary.append("; layout hint '").append(hints.written()).append("'");
            if (hints.problem() != null) {
                summary.append(" (not understood: ").append(hints.problem()).append(")");
            }
        }
        return new LayoutReport(summary.toString(), talkUnit, eventSource, hints.written(), decisions);
    }

    private static String levels(Set<Integer> levels) {
        return levels.stream().map("#"::repeat).collect(Collectors.joining(" and "));
    }
}
