package dev.notespipeline.enrich.config;

import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.enrich.taxonomy.Taxonomy;
import dev.notespipeline.enrich.taxonomy.TaxonomyLoader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

/** Loads the taxonomy once at start-up; a broken taxonomy file stops the service with its reason. */
public class TaggerProducer {

    private static final Logger LOG = Logger.getLogger(TaggerProducer.class);

    @Produces
    @Singleton
    TopicTagger tagger(TaxonomyConfig config) {
        Taxonomy taxonomy = config.path().map(TaxonomyLoader::fromFile).orElseGet(TaxonomyLoader::builtIn);
        LOG.infof("taxonomy %s: %d topics (%s)", taxonomy.version(), taxonomy.topics().size(),
                config.path().map(Object::toString).orElse("built-in"));
        return new TopicTagger(taxonomy);
    }
}
