package dev.notespipeline.problem;

import io.quarkus.runtime.annotations.StaticInitSafe;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSourceProvider;

/**
 * Hands the check of request targets from Quarkus to {@link RequestTargetCheck}. Quarkus refuses a target that is not
 * a URI (a broken percent-escape such as {@code %zz}) with an empty 400 before any route runs, unless the system
 * property {@value #PROPERTY} is set when its HTTP layer is first loaded; then the target reaches the router, whose
 * first route refuses it with a 400 that says why, as problem+json.
 *
 * <p>Quarkus offers no setting for this, and the property must be set before the HTTP layer is loaded, in every
 * launch mode (the jar, tests, the container): configuration is the first thing any Quarkus application reads, so
 * this is the one place that runs early enough. It adds no configuration.
 */
@StaticInitSafe
public class QuarkusUriCheckHandover implements ConfigSourceProvider {

    static final String PROPERTY = "vertx.disableURIValidation";

    @Override
    public Iterable<ConfigSource> getConfigSources(ClassLoader forClassLoader) {
        System.setProperty(PROPERTY, "true");
        return List.of();
    }
}
