package dev.notespipeline.ingest.rest;

import dev.notespipeline.ingest.messaging.DeadLetter;
import dev.notespipeline.ingest.messaging.DeadLetterTopics;
import dev.notespipeline.ingest.service.DeadLetterReplay;
import dev.notespipeline.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The dead letters of the whole pipeline ({@code notes.parsed.dlq}: what enrich-service could not tag,
 * {@code notes.enriched.dlq}: what query-service could not store), with their reasons but without their text, and
 * their replay once the fault is fixed. Admin only, like the rescan.
 */
@Path("/api/ingest/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeadLetterResource {

    /** Every dead letter, oldest first. */
    public record DeadLetters(List<DeadLetter> items) {
    }

    /** What each replayed note became. */
    public record Replays(List<DeadLetterReplay.Replayed> items) {
    }

    private final DeadLetterTopics topics;
    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterTopics topics, DeadLetterReplay replay) {
        this.topics = topics;
        this.replay = replay;
    }

    @GET
    public DeadLetters list() {
        return new DeadLetters(fromKafka(topics::list));
    }

    /** Replays the dead letters of the note {@code key}, or every dead letter without it. */
    @POST
    @Path("replay")
    public Replays replay(@QueryParam("key") String key) {
        Optional<String> note = Optional.ofNullable(key).filter(value -> !value.isEmpty());
        List<DeadLetterReplay.Replayed> replayed = fromKafka(() -> replay.replay(note));
        if (note.isPresent() && replayed.isEmpty()) {
            throw new ProblemException(Response.Status.NOT_FOUND, "note " + key + " has no dead letter");
        }
        return new Replays(replayed);
    }

    private static <T> T fromKafka(Supplier<T> call) {
        try {
            return call.get();
        } catch (DeadLetterTopics.DeadLettersUnavailableException e) {
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE, e.getMessage());
        }
    }
}
