package dev.notespipeline.contract;

/** Kafka topic names of the pipeline; the services' channel configuration must name the same. */
public final class PipelineTopics {

    public static final String PARSED = "notes.parsed";
    public static final String ENRICHED = "notes.enriched";
    public static final String PARSED_DLQ = "notes.parsed.dlq";
    public static final String ENRICHED_DLQ = "notes.enriched.dlq";

    private PipelineTopics() {
    }
}
