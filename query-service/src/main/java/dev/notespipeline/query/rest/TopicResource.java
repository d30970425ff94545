package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.repository.TalkRepository;
import dev.notespipeline.query.repository.TopicCount;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Topics")
public class TopicResource {

    @Inject
    TalkRepository talks;

    @Inject
    RequestParameters parameters;

    @GET
    @Operation(summary = "Topics with talk counts", description = "The topics of the talks matching the same filters as "
            + "GET /api/talks, with how many of those talks carry each, most first: facets for a search.")
    @APIResponse(responseCode = "200", description = "Topics, most talks first")
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<TopicCount> list(
            @Parameter(description = "Topic slug; repeat to require several", example = "azure") @QueryParam("topic") List<String> topics,
            @Parameter(description = "Full-text search, as for GET /api/talks", example = "App Service") @QueryParam("q") String q,
            @Parameter(description = "Event id") @QueryParam("event") String event,
            @Parameter(description = "Part of the speaker's name, case-insensitive") @QueryParam("speaker") String speaker,
            @Parameter(description = "Earliest event date, inclusive", example = "2022-01-01",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("from") String from,
            @Parameter(description = "Latest event date, inclusive", example = "2022-12-31",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("to") String to) {
        return talks.topicCounts(parameters.talkFilter(topics, q, event, speaker, from, to));
    }
}
