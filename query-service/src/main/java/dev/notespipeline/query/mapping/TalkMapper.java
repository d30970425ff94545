package dev.notespipeline.query.mapping;

import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import dev.notespipeline.query.rest.TalkView;
import java.util.List;

/** Entity to API shape. */
public final class TalkMapper {

    private TalkMapper() {
    }

    public static TalkView toView(TalkEntity talk, List<TalkTopicEntity> topics) {
        return new TalkView(talk.id, talk.title, talk.speaker,
                new TalkView.EventRef(talk.event.id, talk.event.title, talk.event.date),
                topics.stream().map(topic -> new TalkView.TopicView(topic.slug(), topic.label, topic.score)).toList(),
                talk.links.stream().map(link -> new TalkView.LinkView(link.kind(), link.url())).toList());
    }
}
