package dev.notespipeline.query.repository;

import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@ApplicationScoped
public class TalkRepository implements PanacheRepositoryBase<TalkEntity, String> {

    /**
     * Talks tagged with every one of {@code topics}, newest events first, then in source order.
     *
     * @param offset how many matching talks to skip
     * @param limit how many to return at most
     */
    public List<TalkEntity> find(List<String> topics, int offset, int limit) {
        StringBuilder hql = new StringBuilder("select t from TalkEntity t join fetch t.event e where 1 = 1");
        for (int i = 0; i < topics.size(); i++) {
            hql.append(" and exists (select 1 from TalkTopicEntity tt where tt.talk = t and tt.key.slug = :topic")
                    .append(i).append(')');
        }
        hql.append(" order by e.date desc nulls last, t.noteId, e.position, t.position, t.id");
        TypedQuery<TalkEntity> query = getEntityManager().createQuery(hql.toString(), TalkEntity.class);
        for (int i = 0; i < topics.size(); i++) {
            query.setParameter("topic" + i, topics.get(i));
        }
        return query.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /** The topics of the given talks, best score first, in one query. */
    public Map<String, List<TalkTopicEntity>> topicsOf(List<String> talkIds) {
        if (talkIds.isEmpty()) {
            return Map.of();
        }
        return getEntityManager()
                .createQuery("select tt from TalkTopicEntity tt where tt.key.talkId in :ids order by tt.score desc, tt.key.slug",
                        TalkTopicEntity.class)
                .setParameter("ids", talkIds)
                .getResultStream()
                .collect(Collectors.groupingBy(tt -> tt.key.talkId));
    }

    /** Every topic with the number of talks tagged with it, most talks first. */
    public List<TopicCount> topicCounts() {
        return getEntityManager()
                .createQuery("select new dev.notespipeline.query.repository.TopicCount(tt.key.slug, max(tt.label), count(tt)) "
                        + "from TalkTopicEntity tt group by tt.key.slug order by count(tt) desc, tt.key.slug", TopicCount.class)
                .getResultList();
    }
}
