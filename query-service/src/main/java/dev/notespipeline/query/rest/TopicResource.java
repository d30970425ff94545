package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.repository.TopicCount;
import dev.notespipeline.query.repository.TopicRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics")
public class TopicResource {

    @Inject
    TopicRepository topicRepository;

    @Inject
    RequestParameters parameters;

    @GET
    @Operation(summary = "Topics with talk counts", description = "The topics of the talks matching the same filters as "
            + "GET /api/talks, with how many of those talks carry each, most first: facets for a search.")
    @APIResponse(responseCode = "200", description = "Topics, most talks first")
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TopicCount> list(@BeanParam TalkFilterParameters filter) {
        return topicRepository.counts(parameters.talkFilter(filter));
    }
}
