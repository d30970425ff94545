package dev.notespipeline.query.mapping;

import dev.notespipeline.query.repository.EventDetail;
import dev.notespipeline.query.repository.EventSummary;
import dev.notespipeline.query.rest.EventDetailView;
import dev.notespipeline.query.rest.EventView;
import dev.notespipeline.query.rest.SegmentView;
import java.util.List;

/** Stored event to API shape. */
public final class EventMapper {

    private EventMapper() {
    }

    public static EventView toView(EventSummary event) {
        return new EventView(event.id(), event.title(), event.date(), TalkMapper.links(event.links()), event.talkCount(),
                TalkMapper.topics(event.topics()));
    }

    public static EventDetailView toDetail(EventDetail event) {
        return new EventDetailView(event.id(), event.title(), event.date(), TalkMapper.links(event.links()), event.talks().size(),
                TalkMapper.topics(event.topics()), TalkMapper.bullets(event.overview()),
                event.talks().stream().map(talk -> TalkMapper.toView(talk, List.of())).toList(),
                event.segments().stream().map(segment -> new SegmentView(segment.title(), segment.role(), segment.line(),
                        TalkMapper.bullets(segment.bullets()))).toList(),
                TalkMapper.bullets(event.impressions()), LayoutMapper.forEvent(event));
    }
}
