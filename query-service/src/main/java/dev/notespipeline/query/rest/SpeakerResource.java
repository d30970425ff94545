package dev.notespipeline.query.rest;

import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.ProblemException;
import dev.notespipeline.query.mapping.TalkMapper;
import dev.notespipeline.query.repository.SpeakerCount;
import dev.notespipeline.query.repository.SpeakerRepository;
import dev.notespipeline.query.repository.TalkFilter;
import dev.notespipeline.query.repository.TalkRepository;
import dev.notespipeline.query.repository.TalkSummary;
import dev.notespipeline.query.repository.TopicRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/speakers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Speakers")
public class SpeakerResource {

    /** Far more than anyone speaks at; a speaker page stays one answer. */
    static final int MAX_TALKS = 500;

    @Inject
    SpeakerRepository speakers;

    @Inject
    TalkRepository talks;

    @Inject
    TopicRepository topics;

    @GET
    @Operation(summary = "Speakers", description = "Every named speaker with how many talks they gave, most first.")
    @APIResponse(responseCode = "200", description = "Speakers, most talks first")
    public List<SpeakerCount> list() {
        return speakers.counts();
    }

    @GET
    // A name may hold a slash (several speakers are joined by " / "): the parameter takes the rest of the path.
    @Path("/{name: .+}")
    @Operation(summary = "One speaker", description = "The speaker (the name exactly, as GET /api/speakers and "
            + "GET /api/facets give it) with all their talks across events, newest first, and their topics.")
    @APIResponse(responseCode = "200", description = "The speaker")
    @APIResponse(responseCode = "404", description = "No talk has this speaker",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SpeakerDetailView get(@Parameter(description = "The speaker's name, percent-encoded", example = "HiroHata")
                                 @PathParam("name") String name) {
        String speaker = RequestParameters.text("name", name);
        TalkFilter filter = new TalkFilter(List.of(), List.of(), null, null, speaker, null, null);
        List<TalkSummary> found = talks.find(filter, null, MAX_TALKS);
        if (found.isEmpty()) {
            throw new ProblemException(Response.Status.NOT_FOUND, "no talk by '" + RequestParameters.abbreviate(name) + "'");
        }
        return new SpeakerDetailView(speaker, found.size(), topics.counts(filter),
                found.stream().map(talk -> TalkMapper.toView(talk, List.of())).toList());
    }
}
