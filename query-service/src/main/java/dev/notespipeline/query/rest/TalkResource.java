package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.mapping.TalkMapper;
import dev.notespipeline.query.repository.TalkFilter;
import dev.notespipeline.query.repository.TalkPosition;
import dev.notespipeline.query.repository.TalkRepository;
import dev.notespipeline.query.repository.TalkSummary;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/talks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Talks")
public class TalkResource {

    static final String CURSOR_KIND = "talks";

    @Inject
    TalkRepository talks;

    @Inject
    RequestParameters parameters;

    @Inject
    KeysetPager pager;

    @GET
    @Operation(summary = "List talks", description = "Talks matching every filter given, newest events first, then in "
            + "the order of the memo. Page with nextCursor: pages stay consistent while notes arrive.")
    @APIResponse(responseCode = "200", description = "A page of talks")
    @APIResponse(responseCode = "400", description = "A bad parameter: limit out of range, unknown topic, bad date, "
            + "malformed or tampered cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The database is unreachable",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TalkPage list(
            @BeanParam TalkFilterParameters filterParameters,
            @Parameter(description = "Page size, 1 to 100", example = "20",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page") @QueryParam("cursor") String cursor) {
        int pageSize = parameters.limit(limit);
        TalkFilter filter = parameters.talkFilter(filterParameters);
        KeysetPager.Page<TalkSummary> page = pager.page(CURSOR_KIND, cursor, TalkPosition.class, pageSize,
                (after, rows) -> talks.find(filter, after, rows), TalkSummary::position);
        return new TalkPage(page.rows().stream().map(talk -> TalkMapper.toView(talk, filter.searchWords())).toList(),
                page.nextCursor());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One talk", description = "The talk with its text, bullets, the impressions of its event, "
            + "the evidence for each topic, where the memo has it, and how the parser read the memo there (its "
            + "version, the layout summary and the decision about the talk's heading).")
    @APIResponse(responseCode = "200", description = "The talk")
    @APIResponse(responseCode = "404", description = "No talk has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public TalkDetailView get(@Parameter(description = "Talk id") @PathParam("id") String id) {
        return talks.detail(RequestParameters.text("id", id)).map(TalkMapper::toDetail).orElseThrow(() ->
                new ProblemException(Response.Status.NOT_FOUND, "no talk with id '" + RequestParameters.abbreviate(id) + "'"));
    }
}
