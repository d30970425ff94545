package dev.notespipeline.enrich.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Where a record that can be neither tagged nor dead-lettered ends: an ERROR line with its note id, origin and
 * reason, and {@code pipeline_records_parked_total{topic}} at {@code /q/metrics}, so an operator sees it (an alert on
 * that counter) and can re-publish the memo after a fix. It is acknowledged afterwards; the next records go on.
 */
@ApplicationScoped
public class ParkedRecords {

    private static final Logger LOG = Logger.getLogger(ParkedRecords.class);

    @Inject
    MeterRegistry registry;

    void park(IncomingKafkaRecord<?, ?> record, Throwable reason, Throwable deadLetterFailure) {
        registry.counter("pipeline.records.parked", "topic", record.getTopic()).increment();
        LOG.errorf("parked note %s (%s partition %d offset %d), neither tagged nor dead-lettered: %s;"
                        + " its dead letter failed too: %s", record.getKey(), record.getTopic(), record.getPartition(),
                record.getOffset(), reason.getMessage(), deadLetterFailure.getMessage());
    }
}
