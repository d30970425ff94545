package dev.notespipeline.query.outage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL goes away for longer than a minute and comes back: nothing is skipped or acknowledged meanwhile, and the
 * service recovers alone.
 */
@QuarkusTest
@TestProfile(OwnDatabaseProfile.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class DatabaseOutageTest {

    private static final String GROUP = "query-service-outage-test";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void whileTheDatabaseIsDownNothingIsAcknowledgedAndEverythingIsStoredWhenItReturns() throws Exception {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers);
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerTask<String, String> dlq = companion.consumeStrings().fromTopics(PipelineTopics.ENRICHED_DLQ);
            EnrichedNotes.send(companion, EnrichedNotes.sample("outage-before.md", 1, List.of("outage-before")));
            await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("outage-before") == 13);
            given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> uncommitted(admin) == 0);

            OwnDatabaseProfile.stop();

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then()
                    .statusCode(503).body("status", equalTo("DOWN")).body(containsString("Database connections health check")));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/api/talks").then()
                    .statusCode(503).contentType(Problem.MEDIA_TYPE).body("detail", containsString("database")));

            EnrichedNotes.send(companion, EnrichedNotes.sample("outage-during.md", 1, List.of("outage-during")));
            // Longer than the consumer's default limit for an unacknowledged record (60 s): an outage of any length
            // is waited out, not turned into a failed channel.
            await().during(Duration.ofSeconds(70)).atMost(Duration.ofSeconds(90))
                    .until(() -> uncommitted(admin) > 0);

            OwnDatabaseProfile.start();

            await().atMost(Duration.ofSeconds(60)).until(() -> EnrichedNotes.talkCount("outage-during") == 13);
            given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> uncommitted(admin) == 0);
            assertThat(dlq.getRecords()).noneMatch(record -> "outage-during.md".equals(record.key()));
            dlq.stop();
        }
    }

    /** Records of notes.enriched this application's consumer group has not committed yet. */
    private static long uncommitted(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
        List<TopicPartition> partitions = admin.describeTopics(List.of(PipelineTopics.ENRICHED)).allTopicNames().get()
                .get(PipelineTopics.ENRICHED).partitions().stream()
                .map(info -> new TopicPartition(PipelineTopics.ENRICHED, info.partition())).toList();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long behind = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            behind += ends.get(partition).offset() - (done == null ? 0 : done.offset());
        }
        return behind;
    }
}
