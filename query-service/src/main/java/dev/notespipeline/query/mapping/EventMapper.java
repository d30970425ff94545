package dev.notespipeline.query.mapping;

import dev.notespipeline.query.entity.EventEntity;
import dev.notespipeline.query.entity.NoteEntity;
import dev.notespipeline.query.repository.TopicScore;
import dev.notespipeline.query.rest.EventDetailView;
import dev.notespipeline.query.rest.EventView;
import dev.notespipeline.query.rest.SegmentView;
import dev.notespipeline.query.rest.TalkView;
import java.util.List;

/** Entity to API shape. */
public final class EventMapper {

    private EventMapper() {
    }

    public static EventView toView(EventEntity event, long talkCount, List<TopicScore> topics) {
        return new EventView(event.id, event.title, event.date, TalkMapper.links(event.links), talkCount, topicViews(topics));
    }

    /** @param nextEventLine the line of the note's next event, or null when this is its last */
    public static EventDetailView toDetail(EventEntity event, List<TopicScore> topics, List<TalkView> talks,
            NoteEntity note, Integer nextEventLine) {
        return new EventDetailView(event.id, event.title, event.date, TalkMapper.links(event.links), talks.size(),
                topicViews(topics), TalkMapper.bullets(event.overview), talks,
                event.segments.stream().map(segment -> new SegmentView(segment.title(), segment.role(), segment.line(),
                        TalkMapper.bullets(segment.bullets()))).toList(),
                TalkMapper.bullets(event.impressions), LayoutMapper.forEvent(note, event, nextEventLine));
    }

    private static List<TalkView.TopicView> topicViews(List<TopicScore> topics) {
        return topics.stream().map(topic -> new TalkView.TopicView(topic.slug(), topic.label(), topic.score())).toList();
    }
}
