package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.client.UpstreamException;
import dev.notespipeline.query.service.MemoPreviewer;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/preview")
@Tag(name = "Preview")
public class PreviewResource {

    static final String MARKDOWN = "text/markdown";
    static final int MAX_NAME_LENGTH = 200;

    @Inject
    MemoPreviewer previewer;

    @POST
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview how a memo would be read", description = "For the web page, which may only call its "
            + "own origin: asks ingest-service how it reads the memo (POST /api/ingest/preview: events, talks, speakers, "
            + "the layout report) and enrich-service which topics each talk gets (POST /api/tag-preview, from its title, "
            + "text and event title). Nothing is stored or published.")
    @RequestBody(required = true, description = "The memo, UTF-8",
            content = {@Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "{name, note (the parsed note with its layout report), "
            + "taxonomyVersion, topics (per talk id), warnings}; topics are missing, with a warning, when enrich-service "
            + "cannot be reached")
    @APIResponse(responseCode = "400", description = "ingest-service refused the memo (empty, not UTF-8, binary) or the name",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than quarkus.http.limits.max-body-size (5 MB, what ingest reads)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The parser refused the memo, with its reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "502", description = "ingest-service is unreachable or failed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "ingest-service is busy with other previews (Retry-After)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "504", description = "ingest-service did not answer within query.preview.timeout",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response preview(
            @Parameter(description = "The memo's file name, as it would be in the bucket", example = "fy2022-events.md")
            @QueryParam("name") String name,
            InputStream body) throws IOException {
        String fileName = name == null || name.isBlank() ? "preview.md" : RequestParameters.text("name", name.strip());
        // quarkus.http.limits.max-body-size (ingest's own limit) bounds what is read here.
        byte[] memo = body.readAllBytes();
        try {
            return Response.ok(previewer.preview(fileName, memo), MediaType.APPLICATION_JSON).build();
        } catch (UpstreamException e) {
            Response.ResponseBuilder answer = Response.fromResponse(ProblemException.response(
                    Problem.of(e.status(), reason(e.status()), e.getMessage())));
            if (e.retryAfter() != null) {
                answer.header(HttpHeaders.RETRY_AFTER, e.retryAfter());
            }
            return answer.build();
        }
    }

    private static String reason(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
    }
}
