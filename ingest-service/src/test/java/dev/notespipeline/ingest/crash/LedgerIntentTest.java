package dev.notespipeline.ingest.crash;

import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.ParsedTopic;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The ledger cannot lose track of a note Kafka has: a crash between the acknowledgement and the ledger write. */
@QuarkusTest
@TestProfile(CrashAfterPublishProfile.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class LedgerIntentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    @Test
    void aNotePublishedButNeverRecordedIsStillTombstonedWhenItsFileGoes() throws IOException {
        Path folder = Files.createDirectories(Path.of(bucketUrl.substring("file:".length())).resolve("crash"));
        Path file = folder.resolve("unrecorded.md");
        try (ParsedTopic topic = new ParsedTopic(bootstrapServers)) {
            Files.writeString(file, "# Night\n## A talk Kafka has and the ledger never saw\n* text\n");
            topic.awaitNote("crash/unrecorded.md");

            Files.delete(file);

            topic.awaitTombstone("crash/unrecorded.md");
        }
    }
}
