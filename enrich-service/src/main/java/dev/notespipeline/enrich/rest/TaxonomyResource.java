package dev.notespipeline.enrich.rest;

import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.enrich.taxonomy.Taxonomy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/taxonomy")
public class TaxonomyResource {

    @Inject
    TopicTagger tagger;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The taxonomy talks are tagged with",
            description = "Its version (derived from the file's content), field weights, and every topic with its "
                    + "terms, weak terms, exclude terms, threshold and parent.")
    public Taxonomy taxonomy() {
        return tagger.taxonomy();
    }
}
