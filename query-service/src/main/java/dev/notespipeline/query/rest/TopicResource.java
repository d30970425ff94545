package dev.notespipeline.query.rest;

import dev.notespipeline.query.repository.TalkRepository;
import dev.notespipeline.query.repository.TopicCount;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
public class TopicResource {

    @Inject
    TalkRepository talks;

    @GET
    public List<TopicCount> list() {
        return talks.topicCounts();
    }
}
