package dev.notespipeline.query.rest;

import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import dev.notespipeline.query.mapping.TalkMapper;
import dev.notespipeline.query.repository.TalkRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

@Path("/api/talks")
@Produces(MediaType.APPLICATION_JSON)
public class TalkResource {

    static final int MAX_LIMIT = 100;

    @Inject
    TalkRepository talks;

    @GET
    public TalkPage list(@QueryParam("topic") List<String> topics,
                         @QueryParam("limit") @DefaultValue("20") int limit,
                         @QueryParam("cursor") String cursor) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
        int offset = PageCursor.decode(cursor);
        List<TalkEntity> found = talks.find(topics == null ? List.of() : topics, offset, limit + 1);
        boolean more = found.size() > limit;
        List<TalkEntity> page = more ? found.subList(0, limit) : found;
        Map<String, List<TalkTopicEntity>> topicsByTalk = talks.topicsOf(page.stream().map(talk -> talk.id).toList());
        List<TalkView> items = page.stream()
                .map(talk -> TalkMapper.toView(talk, topicsByTalk.getOrDefault(talk.id, List.of())))
                .toList();
        return new TalkPage(items, more ? PageCursor.encode(offset + limit) : null);
    }
}
