package dev.notespipeline.ingest.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.repository.LedgerEntry;
import dev.notespipeline.ingest.repository.NoteStatus;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files a user should not drop, but will: each gets an outcome in bounded time (parsed, or rejected with its reason
 * in the ledger and in a metric), and the watcher goes on with the next file.
 */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class HostileFilesTest {

    private static final int MB = 1024 * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    @Inject
    LedgerProbe ledger;

    private ParsedTopic topic;
    private Path folder;

    @BeforeEach
    void connect() throws IOException {
        topic = new ParsedTopic(bootstrapServers);
        folder = Files.createDirectories(Path.of(bucketUrl.substring("file:".length())).resolve("hostile"));
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void aFileOverTheSizeLimitIsRejectedUnread() throws IOException {
        // The tests' limit is 6 MB (pipeline.bucket.max-file-size).
        Files.write(folder.resolve("huge.md"), ("# Huge\n" + "x".repeat(7 * MB)).getBytes(StandardCharsets.UTF_8));

        assertRejected("hostile/huge.md", "too-large");
    }

    @Test
    void aFileThatIsNotUtf8IsRejected() throws IOException {
        Files.write(folder.resolve("latin1.md"), "# Café crème\n## Talk\tRené\n".getBytes(StandardCharsets.ISO_8859_1));

        assertRejected("hostile/latin1.md", "invalid-utf8");
    }

    @Test
    void binaryContentIsRejected() throws IOException {
        // UTF-16 text is valid UTF-8 byte by byte, NULs included: only the NULs give it away.
        Files.write(folder.resolve("utf16.md"), "# An event\n## A talk\n".getBytes(StandardCharsets.UTF_16LE));

        assertRejected("hostile/utf16.md", "binary");
    }

    @Test
    void emptyAndBlankFilesAreRejected() throws IOException {
        Files.write(folder.resolve("empty.md"), new byte[0]);
        Files.writeString(folder.resolve("blank.md"), " \n\t\n");

        assertRejected("hostile/empty.md", "empty");
        assertRejected("hostile/blank.md", "empty");
    }

    @Test
    void aHundredThousandHeadingsGetAnOutcomeWithoutDelayingOtherFiles() throws IOException {
        StringBuilder memo = new StringBuilder("# One huge event\n");
        for (int talk = 0; talk < 100_000; talk++) {
            memo.append("## Talk ").append(talk).append('\n');
        }
        Files.writeString(folder.resolve("many-headings.md"), memo);
        Files.writeString(folder.resolve("beside-many-headings.md"), "# Small\n## Talk\tAlice\n");

        topic.awaitNote("hostile/beside-many-headings.md");
        assertRefusedByTheParser("hostile/many-headings.md", "more than 10000 headings");
    }

    @Test
    void nestingTenThousandDeepGetsAnOutcomeAndTheWatcherGoesOn() throws IOException {
        Files.writeString(folder.resolve("deep-lists.md"), "# Deep\n## Talk\n" + "- ".repeat(10_000) + "bottom\n");
        Files.writeString(folder.resolve("deep-quotes.md"), "# Deep\n## Talk\n" + ">".repeat(10_000) + " bottom\n");
        Files.writeString(folder.resolve("after-deep.md"), "# After the deep ones\n## Talk\tAlice\n");

        topic.awaitNote("hostile/after-deep.md");
        assertRefusedByTheParser("hostile/deep-lists.md", "nests lists or quotes more than");
        assertRefusedByTheParser("hostile/deep-quotes.md", "nests lists or quotes more than");
    }

    @Test
    void aFiveMegabyteLineGetsAnOutcomeAndTheWatcherGoesOn() throws IOException {
        Files.writeString(folder.resolve("long-line.md"), "# Long line\n## Talk\tAlice\n" + "word ".repeat(MB) + "\n");
        Files.writeString(folder.resolve("after-long-line.md"), "# After the long line\n## Talk\tAlice\n");

        topic.awaitNote("hostile/after-long-line.md");
        assertRefusedByTheParser("hostile/long-line.md", "line 3 has");
    }

    @Test
    void aSymlinkOutOfTheBucketIsNeverFollowed() throws IOException {
        Path outside = Files.createTempFile("outside-the-bucket-", ".md");
        Files.writeString(outside, "# Secret outside the bucket\n");
        Files.createSymbolicLink(folder.resolve("escape.md"), outside);

        assertRejected("hostile/escape.md", "symlink-outside-bucket");
        assertThat(topic.records("hostile/escape.md")).isEmpty();
        assertThat(ledger.find("hostile/escape.md").get().detail).doesNotContain(outside.toString());
        Files.delete(outside);
    }

    @Test
    void oddButHarmlessNamesArePublishedUnderTheirOwnNames() throws IOException {
        Path japanese = Files.createDirectories(folder.resolve("勉強会 メモ"));
        Files.writeString(japanese.resolve("第42回 Jazug.md"), "# 第42回 Tokyo Jazug Night\n## LT\tさとう\n");
        Files.writeString(folder.resolve("two..dots.md"), "# Dots\n");

        assertThat(topic.awaitNote("hostile/勉強会 メモ/第42回 Jazug.md").events().get(0).title())
                .isEqualTo("第42回 Tokyo Jazug Night");
        topic.awaitNote("hostile/two..dots.md");
    }

    @Test
    void namesWithControlCharactersAreRejected() throws IOException {
        Files.writeString(folder.resolve("tab\there.md"), "# Tab\n");
        Files.writeString(folder.resolve("new\nline.md"), "# Newline\n");

        assertRejected("hostile/tab\there.md", "unsafe-name");
        assertRejected("hostile/new\nline.md", "unsafe-name");
        assertThat(topic.records("hostile/tab\there.md")).isEmpty();
    }

    private void assertRejected(String key, String reason) {
        LedgerEntry entry = ledger.awaitStatus(key, NoteStatus.REJECTED);
        assertThat(entry.reason).isEqualTo(reason);
        assertThat(entry.detail).isNotBlank();
        assertThat(topic.published(key)).isZero();
        assertThat(rejectedMetric(reason)).isGreaterThanOrEqualTo(1.0);
    }

    /**
     * Pathological Markdown is refused by the parser's limits before it can cost unbounded time: the ledger says
     * why in words the memo's author can act on, and nothing is published.
     */
    private void assertRefusedByTheParser(String key, String why) {
        LedgerEntry entry = ledger.awaitStatus(key, NoteStatus.REJECTED);
        assertThat(entry.reason).isEqualTo("unparseable");
        assertThat(entry.detail).contains(why);
        assertThat(rejectedMetric("unparseable")).isGreaterThanOrEqualTo(1.0);
        assertThat(topic.published(key)).isZero();
    }

    private static double rejectedMetric(String reason) {
        String metrics = given().baseUri(ManagementInterface.baseUri()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("ingest_notes_rejected_total{") && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
