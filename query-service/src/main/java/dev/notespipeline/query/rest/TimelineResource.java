package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.repository.Timeline;
import dev.notespipeline.query.repository.TimelineRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/timeline")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Timeline")
public class TimelineResource {

    @Inject
    TimelineRepository timelines;

    @Inject
    RequestParameters parameters;

    @GET
    @Operation(summary = "Talks per topic over time", description = "For the talks matching the filters of "
            + "GET /api/talks: how many carry each topic in each month or year, and how many there are in all, from the "
            + "first dated talk to the last with no period left out. Talks of undated events are not counted "
            + "(GET /api/facets gives how many there are).")
    @APIResponse(responseCode = "200", description = "The periods and one series of counts per topic")
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Timeline timeline(
            @BeanParam TalkFilterParameters filter,
            @Parameter(description = "month or year", example = "month",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"month", "year"}, defaultValue = "month"))
            @QueryParam("by") String by) {
        return timelines.timeline(parameters.talkFilter(filter), granularity(by));
    }

    private static Timeline.Granularity granularity(String by) {
        if (by == null || by.isEmpty()) {
            return Timeline.Granularity.MONTH;
        }
        return Arrays.stream(Timeline.Granularity.values()).filter(value -> value.unit().equals(by)).findFirst()
                .orElseThrow(() -> ProblemException.badRequest("by must be month or year, got '"
                        + RequestParameters.abbreviate(RequestParameters.text("by", by)) + "'"));
    }
}
