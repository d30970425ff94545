package dev.notespipeline.ingest.rest;

import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.ingest.buckets.MemoNames;
import dev.notespipeline.ingest.buckets.RejectedObjectException;
import dev.notespipeline.ingest.config.BucketConfig;
import dev.notespipeline.ingest.service.MemoPreviewer;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Shows how ingest would read a memo before it is dropped into the bucket. It publishes nothing and writes nothing,
 * so it needs no authentication; its cost is bounded by the bucket's size and parse-time limits and by
 * {@code pipeline.ingest.preview.concurrency}.
 */
@Path("/api/ingest/preview")
@Tag(name = "Preview")
public class PreviewResource {

    static final String MARKDOWN = "text/markdown";
    private static final int MAX_PATH_LENGTH = 1024;
    private static final String DEFAULT_PATH = "preview.md";
    /** Rejections of the memo's bytes; the others are of what the parser made of them. */
    private static final Set<String> BAD_BYTES = Set.of("invalid-utf8", "binary", "empty");

    private final MemoPreviewer previewer;
    private final BucketConfig bucket;

    public PreviewResource(MemoPreviewer previewer, BucketConfig bucket) {
        this.previewer = previewer;
        this.bucket = bucket;
    }

    @POST
    @Consumes({MARKDOWN, MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Preview how a memo is read", description = "Parses the memo in the body as ingest parses a "
            + "file of the bucket and answers with the note it would publish on notes.parsed (version 0), its layout "
            + "report included (which heading level holds the talks, what was skipped and why). Nothing is published "
            + "and the ledger is not touched. No authentication: it changes nothing.")
    @RequestBody(required = true, description = "The memo, UTF-8, at most pipeline.bucket.max-file-size bytes",
            content = {@Content(mediaType = MARKDOWN, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "200", description = "The note the memo would be published as",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParsedNote.class)))
    @APIResponse(responseCode = "400", description = "The memo is empty, not UTF-8 or binary (the ledger's reasons "
            + "empty, invalid-utf8, binary), or path is not a safe bucket key",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The memo is larger than pipeline.bucket.max-file-size; answered "
            + "from Content-Length before the body is read",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "415", description = "Neither text/markdown nor text/plain, or a charset other than UTF-8",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The parser refused the memo, with its reason: beyond its limits "
            + "(unparseable), slower than pipeline.bucket.parse-timeout (parse-timeout), or not writable as JSON "
            + "(unwritable)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "As many previews as pipeline.ingest.preview.concurrency are "
            + "being parsed; try again after Retry-After seconds",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response preview(
            @Parameter(description = "The bucket key the memo would have: the file and folder names can name the "
                    + "event of a memo without an event heading (default preview.md)", example = "2024/devcon/day1.md")
            @QueryParam("path") String path,
            @Context HttpHeaders headers,
            InputStream body) throws IOException {
        requireUtf8(headers.getMediaType());
        String noteId = noteId(path);
        long maxBytes = bucket.maxFileSize().asLongValue();
        declaredLength(headers).filter(length -> length > maxBytes).ifPresent(length -> {
            throw tooLarge(RejectedObjectException.tooLarge(length, maxBytes));
        });
        try {
            byte[] bytes = RejectedObjectException.readAtMost(body, maxBytes);
            return Response.ok(previewer.preview(noteId, bytes), MediaType.APPLICATION_JSON).build();
        } catch (RejectedObjectException e) {
            throw problem(e);
        } catch (MemoPreviewer.BusyException e) {
            return Response.fromResponse(ProblemException.response(Problem.of(503, "Service Unavailable", e.getMessage())))
                    .header("Retry-After", "1").build();
        }
    }

    private static void requireUtf8(MediaType type) {
        String charset = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !StandardCharsets.UTF_8.name().equalsIgnoreCase(charset)) {
            throw new ProblemException(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "memos are UTF-8; charset " + charset + " is not read");
        }
    }

    private static String noteId(String path) {
        if (path == null || path.isBlank()) {
            return DEFAULT_PATH;
        }
        if (path.length() > MAX_PATH_LENGTH) {
            throw ProblemException.badRequest("path has more than " + MAX_PATH_LENGTH + " characters");
        }
        MemoNames.unsafeReason(path).ifPresent(reason -> {
            throw ProblemException.badRequest("path cannot be a bucket key: " + reason);
        });
        return path;
    }

    private static Optional<Long> declaredLength(HttpHeaders headers) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? Optional.empty() : Optional.of(Long.parseLong(length.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ProblemException problem(RejectedObjectException e) {
        if ("too-large".equals(e.reason())) {
            return tooLarge(e);
        }
        String detail = e.reason() + ": " + e.getMessage();
        return BAD_BYTES.contains(e.reason()) ? ProblemException.badRequest(detail)
                : new ProblemException(Problem.of(422, "Unprocessable Content", detail));
    }

    private static ProblemException tooLarge(RejectedObjectException e) {
        return new ProblemException(Response.Status.REQUEST_ENTITY_TOO_LARGE, e.reason() + ": " + e.getMessage());
    }
}
