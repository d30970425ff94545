package dev.notespipeline.ingest.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.repository.NoteStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bucket folder that vanishes, or comes back empty (an unmounted volume), is an outage, never a mass delete. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class VanishedBucketTest {

    /** More than the deletion guard's minimum of 10: an empty listing lacks too many notes to delete them. */
    private static final List<String> KEYS = IntStream.range(0, 12).mapToObj(i -> "vanish/" + i + ".md").toList();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    @Inject
    LedgerProbe ledger;

    private ParsedTopic topic;
    private Path root;
    private Path away;

    @BeforeEach
    void dropMemos() throws IOException {
        topic = new ParsedTopic(bootstrapServers);
        root = Path.of(bucketUrl.substring("file:".length())).toAbsolutePath();
        away = root.resolveSibling(root.getFileName() + "-away");
        Files.createDirectories(root.resolve("vanish"));
        for (String key : KEYS) {
            Files.writeString(root.resolve(key), "# Night\n## Talk of " + key + "\n* text\n");
        }
        KEYS.forEach(key -> ledger.awaitStatus(key, NoteStatus.OK));
    }

    @AfterEach
    void putBack() throws IOException {
        if (Files.exists(away)) {
            if (Files.exists(root)) {
                Files.delete(root);
            }
            Files.move(away, root, StandardCopyOption.ATOMIC_MOVE);
        }
        topic.close();
    }

    @Test
    void aBucketFolderMovedAwayMakesTheServiceNotReadyAndDeletesNothingUntilItIsBack() throws IOException {
        Files.move(root, away, StandardCopyOption.ATOMIC_MOVE);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'bucket' }.data.reason", containsString("does not exist")));
        awaitNoDeletion();

        Files.move(away, root, StandardCopyOption.ATOMIC_MOVE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then().statusCode(200));
        awaitNoDeletion();
    }

    @Test
    void aBucketFolderThatComesBackEmptyDeletesNothingPastTheGuard() throws IOException {
        Files.move(root, away, StandardCopyOption.ATOMIC_MOVE);
        Files.createDirectories(root);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().baseUri(ManagementInterface.baseUri()).get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'bucket' }.data.reason", containsString("deletion-guard")));
        awaitNoDeletion();
    }

    /** For longer than a reconciliation interval: no tombstone, and the ledger still has every note. */
    private void awaitNoDeletion() {
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(10)).until(() -> KEYS.stream().allMatch(key ->
                topic.records(key).stream().noneMatch(record -> record.value() == null)
                        && ledger.find(key).map(entry -> entry.status == NoteStatus.OK).orElse(false)));
        assertThat(KEYS).allSatisfy(key -> assertThat(ledger.find(key).orElseThrow().status).isEqualTo(NoteStatus.OK));
    }
}
