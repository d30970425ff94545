package dev.notespipeline.enrich.config;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** Which taxonomy to tag with. */
@ConfigMapping(prefix = "pipeline.taxonomy")
public interface TaxonomyConfig {

    /** A taxonomy YAML file that replaces the built-in one. */
    Optional<Path> path();
}
