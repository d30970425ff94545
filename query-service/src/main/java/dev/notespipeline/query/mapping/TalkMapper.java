package dev.notespipeline.query.mapping;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.Link;
import dev.notespipeline.query.repository.TalkDetail;
import dev.notespipeline.query.repository.TalkSummary;
import dev.notespipeline.query.repository.TopicScore;
import dev.notespipeline.query.rest.BulletView;
import dev.notespipeline.query.rest.TalkDetailView;
import dev.notespipeline.query.rest.TalkView;
import java.util.List;

/** Stored talk to API shape. */
public final class TalkMapper {

    private TalkMapper() {
    }

    /** With the words of a search (none: nothing marked) marked in its title and snippet. */
    public static TalkView toView(TalkSummary talk, List<String> searchWords) {
        return new TalkView(talk.id(), talk.title(), talk.speaker(), talk.affiliation(), talk.kind(), talk.code(), talk.track(),
                new TalkView.EventRef(talk.eventId(), talk.eventTitle(), talk.eventDate()), topics(talk.topics()),
                links(talk.links()), SearchHighlighter.matches(talk.title(), searchWords),
                SearchHighlighter.snippet(talk.text(), searchWords));
    }

    public static TalkDetailView toDetail(TalkDetail talk) {
        return new TalkDetailView(talk.id(), talk.title(), talk.speaker(), talk.affiliation(), talk.kind(), talk.code(),
                talk.track(), new TalkView.EventRef(talk.eventId(), talk.eventTitle(), talk.eventDate()),
                talk.topics().stream().map(topic -> new TalkDetailView.TopicEvidenceView(topic.slug(), topic.label(), topic.score(),
                        topic.evidence().stream()
                                .map(evidence -> new TalkDetailView.EvidenceView(evidence.term(), evidence.field(), evidence.count()))
                                .toList()))
                        .toList(),
                links(talk.links()), talk.text(), bullets(talk.bullets()), bullets(talk.impressions()),
                LayoutMapper.forTalk(talk));
    }

    public static List<TalkView.TopicView> topics(List<TopicScore> topics) {
        return topics.stream().map(topic -> new TalkView.TopicView(topic.slug(), topic.label(), topic.score())).toList();
    }

    public static List<TalkView.LinkView> links(List<Link> links) {
        return links.stream().map(link -> new TalkView.LinkView(link.kind(), link.url())).toList();
    }

    public static List<BulletView> bullets(List<Bullet> bullets) {
        return bullets.stream().map(bullet -> new BulletView(bullet.text(), bullets(bullet.children()))).toList();
    }
}
