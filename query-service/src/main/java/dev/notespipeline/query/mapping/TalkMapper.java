package dev.notespipeline.query.mapping;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.Link;
import dev.notespipeline.query.entity.EventEntity;
import dev.notespipeline.query.entity.NoteEntity;
import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import dev.notespipeline.query.rest.BulletView;
import dev.notespipeline.query.rest.TalkDetailView;
import dev.notespipeline.query.rest.TalkView;
import java.util.List;

/** Entity to API shape. */
public final class TalkMapper {

    private TalkMapper() {
    }

    public static TalkView toView(TalkEntity talk, List<TalkTopicEntity> topics) {
        return toView(talk, topics, List.of());
    }

    /** With the words of a search marked in its title and snippet. */
    public static TalkView toView(TalkEntity talk, List<TalkTopicEntity> topics, List<String> searchWords) {
        return new TalkView(talk.id, talk.title, talk.speaker, talk.affiliation, talk.kind, talk.code, talk.track,
                eventRef(talk.event),
                topics.stream().map(topic -> new TalkView.TopicView(topic.slug(), topic.label, topic.score)).toList(),
                links(talk.links), SearchHighlighter.matches(talk.title, searchWords),
                SearchHighlighter.snippet(talk.text, searchWords));
    }

    public static TalkDetailView toDetail(TalkEntity talk, List<TalkTopicEntity> topics, NoteEntity note) {
        return new TalkDetailView(talk.id, talk.title, talk.speaker, talk.affiliation, talk.kind, talk.code, talk.track,
                eventRef(talk.event),
                topics.stream().map(topic -> new TalkDetailView.TopicEvidenceView(topic.slug(), topic.label, topic.score,
                        topic.evidence.stream()
                                .map(evidence -> new TalkDetailView.EvidenceView(evidence.term(), evidence.field(), evidence.count()))
                                .toList()))
                        .toList(),
                links(talk.links), talk.text, bullets(talk.bullets), bullets(talk.event.impressions),
                LayoutMapper.forTalk(note, talk));
    }

    public static List<TalkView.LinkView> links(List<Link> links) {
        return links.stream().map(link -> new TalkView.LinkView(link.kind(), link.url())).toList();
    }

    public static List<BulletView> bullets(List<Bullet> bullets) {
        return bullets.stream().map(bullet -> new BulletView(bullet.text(), bullets(bullet.children()))).toList();
    }

    private static TalkView.EventRef eventRef(EventEntity event) {
        return new TalkView.EventRef(event.id, event.title, event.date);
    }
}
