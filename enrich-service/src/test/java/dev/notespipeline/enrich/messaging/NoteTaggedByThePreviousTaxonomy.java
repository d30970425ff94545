package dev.notespipeline.enrich.messaging;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.enrich.taxonomy.TaxonomyLoader;
import dev.notespipeline.infra.SharedInfra;
import dev.notespipeline.infra.UserSettings;
import dev.notespipeline.parser.fixtures.SampleNotes;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.util.Map;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * Before enrich-service starts: publishes a note to {@code notes.parsed} and marks it consumed by the built-in
 * taxonomy's consumer group, as after a deployment that has already tagged it. Runs after
 * {@code PipelineInfraResource} (higher order), on the broker the user named or the one that resource started.
 */
public class NoteTaggedByThePreviousTaxonomy implements QuarkusTestResourceLifecycleManager {

    static final String NOTE_ID = "retagging/fy2022-events.md";
    static final String BASE_GROUP_ID = "enrich-service";

    @Override
    public Map<String, String> start() {
        String bootstrap = UserSettings.get("kafka.bootstrap.servers");
        if (bootstrap == null) {
            bootstrap = SharedInfra.kafka().bootstrapServers();
        }
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(PipelineTopics.PARSED, NOTE_ID,
                    NoteJson.write(SampleNotes.parsed(SampleNotes.FY2022, NOTE_ID, 1)))).awaitCompletion();
            TopicPartition partition = new TopicPartition(PipelineTopics.PARSED, 0);
            long end = companion.offsets().get(partition, OffsetSpec.latest()).offset();
            String previousGroup = TaxonomyConsumerGroup.groupId(BASE_GROUP_ID, TaxonomyLoader.builtIn().version());
            companion.consumerGroups().alterOffsets(previousGroup, Map.of(partition, new OffsetAndMetadata(end)));
        }
        return Map.of();
    }

    @Override
    public void stop() {
        // The record stays: the broker is shared by the JVM and dropped with it.
    }

    @Override
    public int order() {
        return 10;
    }
}
