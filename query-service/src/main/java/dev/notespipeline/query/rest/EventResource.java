package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.mapping.EventMapper;
import dev.notespipeline.query.repository.EventPosition;
import dev.notespipeline.query.repository.EventRepository;
import dev.notespipeline.query.repository.EventSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

    static final String CURSOR_KIND = "events";

    @Inject
    EventRepository events;

    @Inject
    RequestParameters parameters;

    @Inject
    KeysetPager pager;

    @GET
    @Operation(summary = "List events", description = "Events newest first, then in the order of the memo. An event "
            + "carries a topic when it or one of its talks was tagged with it.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A bad parameter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventPage list(
            @Parameter(description = "Topic slug; repeat to require several", example = "eks") @QueryParam("topic") List<String> topics,
            @Parameter(description = "Page size, 1 to 100", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int pageSize = parameters.limit(limit);
        List<String> slugs = parameters.topics(topics);
        KeysetPager.Page<EventSummary> page = pager.page(CURSOR_KIND, cursor, EventPosition.class, pageSize,
                (after, rows) -> events.find(slugs, after, rows), EventSummary::position);
        return new EventPage(page.rows().stream().map(EventMapper::toView).toList(), page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One event", description = "The event with its overview, its talks in order, what happened "
            + "that is not a talk (segments), the writer's impressions, and how the parser read the memo (its version, "
            + "the layout summary and the decisions about the event's headings).")
    @APIResponse(responseCode = "200", description = "The event")
    @APIResponse(responseCode = "404", description = "No event has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public EventDetailView get(@Parameter(description = "Event id") @PathParam("id") String id) {
        return events.detail(RequestParameters.text("id", id)).map(EventMapper::toDetail).orElseThrow(() ->
                new ProblemException(Response.Status.NOT_FOUND, "no event with id '" + RequestParameters.abbreviate(id) + "'"));
    }
}
