package dev.notespipeline.query.rest;

import dev.notespipeline.query.repository.SpeakerCount;
import dev.notespipeline.query.repository.TalkRepository;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/speakers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Speakers")
public class SpeakerResource {

    @Inject
    TalkRepository talks;

    @GET
    @Operation(summary = "Speakers", description = "Every named speaker with how many talks they gave, most first.")
    @APIResponse(responseCode = "200", description = "Speakers, most talks first")
    public List<SpeakerCount> list() {
        return talks.speakerCounts();
    }
}
