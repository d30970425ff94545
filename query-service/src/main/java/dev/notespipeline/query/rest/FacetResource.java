package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.repository.FacetCounts;
import dev.notespipeline.query.repository.FacetRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/facets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Facets")
public class FacetResource {

    static final int DEFAULT_LIMIT = 10;

    @Inject
    FacetRepository facets;

    @Inject
    RequestParameters parameters;

    @GET
    @Operation(summary = "Facet counts of a search", description = "How many of the talks matching the filters of "
            + "GET /api/talks there are, and how many of them carry each topic (with its parent), belong to each event, "
            + "were given by each speaker and fall in each year. Every count follows every filter, so a facet's count is "
            + "the number of talks the list shows after adding that value.")
    @APIResponse(responseCode = "200", description = "The counts")
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FacetCounts counts(
            @BeanParam TalkFilterParameters filter,
            @Parameter(description = "How many events and how many speakers at most (those with most talks), 1 to 100; "
                    + "topics and years come all", example = "10",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "10"))
            @QueryParam("limit") String limit) {
        int size = limit == null || limit.isEmpty() ? DEFAULT_LIMIT : parameters.limit(limit);
        return facets.count(parameters.talkFilter(filter), size);
    }
}
