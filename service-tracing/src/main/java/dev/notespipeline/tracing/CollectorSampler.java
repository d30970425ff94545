package dev.notespipeline.tracing;

import io.opentelemetry.sdk.trace.samplers.Sampler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Records spans only when there is a collector to send them to.
 *
 * <p>Without {@code quarkus.otel.exporter.otlp.endpoint} (or its {@code .traces.} form) Quarkus exports to
 * localhost:4317 and logs a warning for every failed batch, forever. Sampling nothing instead means nothing is
 * exported or logged, while every span still has its trace and span ids: they reach the log lines and travel in the
 * Kafka records' headers, so one note can still be followed across the three services' logs.
 *
 * <p>Quarkus reports its own default ({@value #QUARKUS_DEFAULT}) as the endpoint when none is set, so that value
 * counts as no collector: name a collector on this machine's default port as {@code http://127.0.0.1:4317}.
 */
public class CollectorSampler {

    static final String QUARKUS_DEFAULT = "http://localhost:4317/";

    @Produces
    @ApplicationScoped
    Sampler sampler(@ConfigProperty(name = "quarkus.otel.exporter.otlp.endpoint") Optional<String> endpoint,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint") Optional<String> tracesEndpoint) {
        boolean collector = Stream.of(endpoint, tracesEndpoint).flatMap(Optional::stream).anyMatch(url -> !url.isBlank() && !url.strip().equals(QUARKUS_DEFAULT));
        return collector ? Sampler.parentBased(Sampler.alwaysOn()) : Sampler.alwaysOff();
    }
}
