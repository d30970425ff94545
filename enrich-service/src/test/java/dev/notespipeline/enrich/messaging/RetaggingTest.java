package dev.notespipeline.enrich.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.enrich.taxonomy.TaxonomyLoader;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** A changed taxonomy re-reads notes.parsed from the beginning and republishes notes with the new tags. */
@QuarkusTest
@TestProfile(RetaggingTest.ChangedTaxonomy.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class RetaggingTest {

    public static class ChangedTaxonomy implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("pipeline.taxonomy.path", "src/test/resources/retagging/taxonomy-v2.yaml");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(NoteTaggedByThePreviousTaxonomy.class));
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicTagger tagger;

    @Test
    void aNoteTheOldTaxonomyHadTaggedIsRepublishedWithTheNewVersionAndItsNewTopic() {
        String newVersion = tagger.taxonomy().version();
        assertThat(newVersion).isNotEqualTo(TaxonomyLoader.builtIn().version());

        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            ConsumerTask<String, String> enriched = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED);
            ConsumerRecord<String, String> record = await().atMost(Duration.ofSeconds(30)).until(
                    () -> enriched.getRecords().stream()
                            .filter(candidate -> NoteTaggedByThePreviousTaxonomy.NOTE_ID.equals(candidate.key()))
                            .filter(candidate -> candidate.value() != null
                                    && NoteJson.readEnriched(candidate.value()).taxonomyVersion().equals(newVersion))
                            .findFirst().orElse(null),
                    found -> found != null);
            enriched.stop();

            EnrichedNote note = NoteJson.readEnriched(record.value());
            Talk orbital = note.note().events().get(1).talks().get(3);
            assertThat(orbital.title()).contains("Orbital");
            assertThat(note.topicsOfTalk(orbital.id())).extracting(TopicTag::slug).containsExactly("azure", "space");

            String newGroup = TaxonomyConsumerGroup.groupId(NoteTaggedByThePreviousTaxonomy.BASE_GROUP_ID, newVersion);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                OffsetAndMetadata committed = companion.consumerGroups()
                        .offsets(newGroup, new TopicPartition(PipelineTopics.PARSED, 0));
                assertThat(committed).as("offset committed by %s", newGroup).isNotNull();
                assertThat(committed.offset()).isPositive();
            });
        }
    }
}
