package dev.notespipeline.ingest.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.repository.LedgerEntry;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.parser.NoteParser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A parser change re-reads what is stored: ledger entries left by an older parser version (as the service would find
 * them after an upgrade) are read again at the next reconciliation, and republished only where the result changed.
 * Real files, the real broker and the real ledger.
 */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class NewerParserRereadTest {

    private static final int OLDER = NoteParser.VERSION - 1;

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
        folder = Files.createDirectories(Path.of(bucketUrl.substring("file:".length())).resolve("reread"));
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    private ParsedNote drop(String name, String memo) throws IOException {
        Files.writeString(folder.resolve(name), memo);
        ParsedNote note = topic.awaitNote("reread/" + name);
        ledger.awaitStatus("reread/" + name, NoteStatus.OK);
        return note;
    }

    private LedgerEntry awaitReadByThisParser(String key) {
        return await().atMost(ParsedTopic.PATIENCE).until(() -> ledger.find(key).orElseThrow(),
                entry -> Integer.valueOf(NoteParser.VERSION).equals(entry.parserVersion));
    }

    @Test
    void theLedgerRecordsTheParserVersionAndTheResultOfEveryPublishedFile() throws IOException {
        ParsedNote note = drop("recorded.md", "# Recorded\n## Talk\tAlice\n");

        LedgerEntry entry = ledger.find("reread/recorded.md").orElseThrow();
        assertThat(note.parserVersion()).isEqualTo(NoteParser.VERSION);
        assertThat(entry.parserVersion).isEqualTo(NoteParser.VERSION);
        assertThat(entry.resultHash).isEqualTo(ParseResultHash.of(note)).matches("[0-9a-f]{64}");
        assertThat(entry.layout).isNotNull().isEqualTo(note.layout());
        assertThat(entry.layout.decisions()).extracting(decision -> decision.text()).contains("Recorded");
    }

    @Test
    void aFileTheNewerParserReadsAsBeforeIsNotPublishedAgain() throws IOException {
        ParsedNote note = drop("same.md", "# Same\n## Talk\tAlice\n");
        LedgerEntry published = ledger.find("reread/same.md").orElseThrow();

        ledger.readBy("reread/same.md", OLDER, published.resultHash);

        LedgerEntry reread = awaitReadByThisParser("reread/same.md");
        assertThat(reread.version).isEqualTo(note.version());
        assertThat(reread.resultHash).isEqualTo(published.resultHash);
        assertThat(topic.published("reread/same.md")).isEqualTo(1);
        assertThat(rereadMetric("unchanged")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aFileTheNewerParserReadsDifferentlyIsRepublishedWithTheSameTalkIds() throws IOException {
        ParsedNote first = drop("changed.md", "# Changed\n## First talk\tAlice\n## Second talk\tBob\n");

        ledger.readBy("reread/changed.md", OLDER, "what the older parser made of it");

        ParsedNote second = topic.awaitNote("reread/changed.md", first.version());
        assertThat(talkIds(second)).isEqualTo(talkIds(first)).hasSize(2);
        assertThat(second.contentHash()).isEqualTo(first.contentHash());
        LedgerEntry entry = awaitReadByThisParser("reread/changed.md");
        assertThat(entry.version).isEqualTo(second.version());
        assertThat(entry.resultHash).isEqualTo(ParseResultHash.of(second));
        assertThat(topic.published("reread/changed.md")).isEqualTo(2);
        assertThat(rereadMetric("changed")).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void aFileAnOlderParserRejectedIsPublishedWhenTheNewerOneAcceptsIt() throws IOException {
        ParsedNote first = drop("accepted.md", "# Accepted now\n## Talk\tAlice\n");

        ledger.rejectedBy("reread/accepted.md", OLDER, "unparseable", "beyond the older parser's limits");

        ParsedNote second = topic.awaitNote("reread/accepted.md", first.version());
        LedgerEntry entry = ledger.awaitStatus("reread/accepted.md", NoteStatus.OK);
        assertThat(entry.version).isEqualTo(second.version());
        assertThat(entry.reason).isNull();
        assertThat(entry.parserVersion).isEqualTo(NoteParser.VERSION);
    }

    @Test
    void aFileTheNewerParserRejectsForAnotherReasonStaysRejectedWithItsReason() throws IOException {
        StringBuilder memo = new StringBuilder("# Too many headings\n");
        for (int talk = 0; talk <= 10_000; talk++) {
            memo.append("## Talk ").append(talk).append('\n');
        }
        Files.writeString(folder.resolve("still-rejected.md"), memo);
        LedgerEntry rejected = ledger.awaitStatus("reread/still-rejected.md", NoteStatus.REJECTED);
        assertThat(rejected.parserVersion).isEqualTo(NoteParser.VERSION);

        ledger.rejectedBy("reread/still-rejected.md", OLDER, "parse-timeout", "the older parser was too slow");

        LedgerEntry entry = awaitReadByThisParser("reread/still-rejected.md");
        assertThat(entry.status).isEqualTo(NoteStatus.REJECTED);
        assertThat(entry.reason).isEqualTo("unparseable");
        assertThat(entry.detail).contains("more than 10000 headings");
        assertThat(topic.published("reread/still-rejected.md")).isZero();
    }

    @Test
    void aFileRejectedBeforeTheParserReadItHasNoParserVersion() throws IOException {
        Files.write(folder.resolve("empty.md"), new byte[0]);

        LedgerEntry entry = ledger.awaitStatus("reread/empty.md", NoteStatus.REJECTED);
        assertThat(entry.reason).isEqualTo("empty");
        assertThat(entry.parserVersion).as("a newer parser has nothing to read again").isNull();
    }

    private static List<String> talkIds(ParsedNote note) {
        return note.events().stream().map(NoteEvent::talks).flatMap(List::stream).map(Talk::id).toList();
    }

    private static double rereadMetric(String result) {
        String metrics = given().baseUri(ManagementInterface.baseUri()).get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("ingest_notes_reread_total{") && line.contains("result=\"" + result + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
