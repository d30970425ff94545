package dev.notespipeline.ingest.rest;

import dev.notespipeline.ingest.repository.LedgerEntry;
import dev.notespipeline.ingest.repository.LedgerRepository;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The ledger: what ingest did with every note it has seen. */
@Path("/api/ingest/notes")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private static final int MAX_PAGE_SIZE = 500;

    private final LedgerRepository repository;

    public LedgerResource(LedgerRepository repository) {
        this.repository = repository;
    }

    @GET
    @Transactional
    public LedgerPage list(@QueryParam("status") String status, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("50") int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new ProblemException(Response.Status.BAD_REQUEST,
                    "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        PanacheQuery<LedgerEntry> query = repository.page(parseStatus(status)).page(page, size);
        return new LedgerPage(query.list().stream().map(LedgerEntryView::summaryOf).toList(), page, size, query.count());
    }

    /** Keys are paths: {@code 2022/fy2022-events.md} is one key, not two path segments. */
    @GET
    @Path("{key: .+}")
    @Transactional
    public LedgerEntryView get(@PathParam("key") String key) {
        return repository.findByKey(key).map(LedgerEntryView::of).orElseThrow(() ->
                new ProblemException(Response.Status.NOT_FOUND, "no note with key " + key + " in the ledger"));
    }

    private static Optional<NoteStatus> parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(NoteStatus.valueOf(status.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new ProblemException(Response.Status.BAD_REQUEST, "status must be one of "
                    + Arrays.stream(NoteStatus.values()).map(s -> s.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}
