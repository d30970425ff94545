package dev.notespipeline.ingest.rest;

import dev.notespipeline.ingest.service.NoteSynchronizer;
import dev.notespipeline.ingest.service.ScanSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * Lists the bucket now instead of at the next reconciliation, and reads rejected files again (after a limit such
 * as the maximum file size was raised). With {@code confirm-deletions=true} it also deletes the notes the deletion
 * guard held back.
 */
@Path("/api/ingest/rescan")
@Produces(MediaType.APPLICATION_JSON)
public class RescanResource {

    private final NoteSynchronizer synchronizer;

    public RescanResource(NoteSynchronizer synchronizer) {
        this.synchronizer = synchronizer;
    }

    @POST
    @RolesAllowed("admin")
    public ScanSummary rescan(@QueryParam("confirm-deletions") boolean confirmDeletions) {
        return synchronizer.reconcile(true, confirmDeletions);
    }
}
