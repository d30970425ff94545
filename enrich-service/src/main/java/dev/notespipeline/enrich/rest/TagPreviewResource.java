package dev.notespipeline.enrich.rest;

import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.enrich.taxonomy.TextField;
import dev.notespipeline.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

@Path("/api/tag-preview")
public class TagPreviewResource {

    /** Far above any talk; keeps one request from holding a worker thread for long. */
    static final int MAX_CHARS = 50_000;

    @Inject
    TopicTagger tagger;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tag a talk without publishing anything",
            description = "The topics the current taxonomy gives a talk with this title, text and event title, each "
                    + "with its score (0-1) and evidence (term, field, count).")
    @APIResponse(responseCode = "200", description = "The topics, possibly none")
    @APIResponse(responseCode = "400", description = "No body, not JSON, all fields empty, or too long (problem+json)")
    public TagPreview preview(TagPreviewRequest request) {
        if (request == null) {
            throw ProblemException.badRequest("the body must be a JSON object with title, text and eventTitle");
        }
        if (Stream.of(request.title(), request.text(), request.eventTitle()).allMatch(TagPreviewResource::isBlank)) {
            throw ProblemException.badRequest("give at least one of title, text and eventTitle");
        }
        int length = Stream.of(request.title(), request.text(), request.eventTitle())
                .mapToInt(value -> value == null ? 0 : value.length()).sum();
        if (length > MAX_CHARS) {
            throw ProblemException.badRequest("title, text and eventTitle together may hold at most " + MAX_CHARS
                    + " characters, not " + length);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TextField.TALK_TITLE.key(), orEmpty(request.title()));
        fields.put(TextField.TALK_TEXT.key(), orEmpty(request.text()));
        fields.put(TextField.EVENT_TITLE.key(), orEmpty(request.eventTitle()));
        return new TagPreview(tagger.taxonomy().version(), tagger.tag(fields));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
