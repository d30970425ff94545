package dev.notespipeline.ingest.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.parser.fixtures.SampleNotes;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class FolderWatcherTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    private KafkaCompanion companion;

    @BeforeEach
    void connect() {
        companion = new KafkaCompanion(bootstrapServers);
    }

    @AfterEach
    void disconnect() {
        companion.close();
    }

    private Path bucket() throws IOException {
        return Files.createDirectories(Path.of(bucketUrl.substring("file:".length())));
    }

    @Test
    void aDroppedMemoIsPublishedParsedAndKeyedByItsPath() throws IOException {
        ConsumerTask<String, String> records = companion.consumeStrings().fromTopics(PipelineTopics.PARSED);
        Path folder = Files.createDirectories(bucket().resolve("2022"));
        try (InputStream memo = getClass().getClassLoader().getResourceAsStream(SampleNotes.FY2022)) {
            Files.copy(memo, folder.resolve("fy2022-events.md"), StandardCopyOption.REPLACE_EXISTING);
        }

        ConsumerRecord<String, String> record = awaitRecord(records, "2022/fy2022-events.md");
        ParsedNote note = NoteJson.readParsed(record.value());
        assertThat(note.events()).hasSize(3);
        assertThat(note.events().get(1).talks()).hasSize(9);
        records.stop();
    }

    @Test
    void aFileThatIsNotUtf8IsSkippedAndTheWatcherKeepsGoing() throws IOException {
        ConsumerTask<String, String> records = companion.consumeStrings().fromTopics(PipelineTopics.PARSED);
        Files.write(bucket().resolve("broken.md"), new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '\n'});
        Files.writeString(bucket().resolve("after-broken.md"), "# Fine event\n## A talk\tBob\n", StandardCharsets.UTF_8);

        awaitRecord(records, "after-broken.md");
        assertThat(records.getRecords()).noneMatch(record -> record.key().equals("broken.md"));
        records.stop();
    }

    @Test
    void aDeletedMemoBecomesATombstone() throws IOException {
        ConsumerTask<String, String> records = companion.consumeStrings().fromTopics(PipelineTopics.PARSED);
        Path file = bucket().resolve("short-lived.md");
        Files.writeString(file, "# Short-lived\n## Talk\n", StandardCharsets.UTF_8);
        awaitRecord(records, "short-lived.md");

        Files.delete(file);
        await().atMost(Duration.ofSeconds(20)).until(() -> records.getRecords().stream()
                .anyMatch(record -> record.key().equals("short-lived.md") && record.value() == null));
        records.stop();
    }

    private static ConsumerRecord<String, String> awaitRecord(ConsumerTask<String, String> records, String key) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> latest(records.getRecords(), key), record -> record != null);
    }

    private static ConsumerRecord<String, String> latest(List<ConsumerRecord<String, String>> records, String key) {
        ConsumerRecord<String, String> found = null;
        for (ConsumerRecord<String, String> record : records) {
            if (key.equals(record.key()) && record.value() != null) {
                found = record;
            }
        }
        return found;
    }
}
