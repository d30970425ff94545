package dev.notespipeline.query.mapping;

import dev.notespipeline.query.entity.EventEntity;
import dev.notespipeline.query.repository.TopicScore;
import dev.notespipeline.query.rest.EventDetailView;
import dev.notespipeline.query.rest.EventView;
import dev.notespipeline.query.rest.TalkView;
import java.util.List;

/** Entity to API shape. */
public final class EventMapper {

    private EventMapper() {
    }

    public static EventView toView(EventEntity event, long talkCount, List<TopicScore> topics) {
        return new EventView(event.id, event.title, event.date, TalkMapper.links(event.links), talkCount, topicViews(topics));
    }

    public static EventDetailView toDetail(EventEntity event, List<TopicScore> topics, List<TalkView> talks) {
        return new EventDetailView(event.id, event.title, event.date, TalkMapper.links(event.links), talks.size(),
                topicViews(topics), TalkMapper.bullets(event.overview), talks, TalkMapper.bullets(event.impressions));
    }

    private static List<TalkView.TopicView> topicViews(List<TopicScore> topics) {
        return topics.stream().map(topic -> new TalkView.TopicView(topic.slug(), topic.label(), topic.score())).toList();
    }
}
