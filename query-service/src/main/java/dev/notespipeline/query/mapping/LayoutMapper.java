package dev.notespipeline.query.mapping;

import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.LayoutReport.LayoutDecision;
import dev.notespipeline.query.repository.EventDetail;
import dev.notespipeline.query.repository.TalkDetail;
import dev.notespipeline.query.rest.LayoutView;
import dev.notespipeline.query.rest.SourceView;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/** A note's layout report, narrowed to what explains one talk or one event. */
public final class LayoutMapper {

    private LayoutMapper() {
    }

    /**
     * The talk's source with the decision about its heading: the nearest decision at or above the talk's line, which
     * is the heading's own, or the table's or list's whose row the talk is.
     */
    public static SourceView forTalk(TalkDetail talk) {
        LayoutReport layout = talk.layout();
        List<LayoutDecision> decisions = layout == null ? List.of() : layout.decisions().stream()
                .filter(decision -> decision.line() <= talk.line())
                .max(Comparator.comparingInt(LayoutDecision::line))
                .map(List::of).orElse(List.of());
        return new SourceView(talk.noteId(), talk.line(), talk.parserVersion(), view(layout, decisions));
    }

    /**
     * The event's source with the decisions about its headings: from its line (the start of the memo for the first
     * event, so the preamble's belong to it) up to the next event's.
     */
    public static SourceView forEvent(EventDetail event) {
        LayoutReport layout = event.layout();
        int from = event.position() == 0 ? 0 : event.line();
        Predicate<LayoutDecision> inEvent = decision -> decision.line() >= from
                && (event.nextEventLine() == null || decision.line() < event.nextEventLine());
        List<LayoutDecision> decisions = layout == null ? List.of()
                : layout.decisions().stream().filter(inEvent).toList();
        return new SourceView(event.noteId(), event.line(), event.parserVersion(), view(layout, decisions));
    }

    private static LayoutView view(LayoutReport layout, List<LayoutDecision> decisions) {
        if (layout == null) {
            return null;
        }
        return new LayoutView(layout.summary(), layout.talkUnit(), layout.eventSource(), layout.override(),
                decisions.stream().map(decision -> new LayoutView.DecisionView(decision.line(), decision.text(),
                        decision.role(), decision.reason())).toList());
    }
}
