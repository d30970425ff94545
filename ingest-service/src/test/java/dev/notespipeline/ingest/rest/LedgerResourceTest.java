package dev.notespipeline.ingest.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.LayoutReport.LayoutDecision;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.buckets.BucketObject;
import dev.notespipeline.ingest.repository.NoteStatus;
import dev.notespipeline.ingest.service.NoteLedger;
import dev.notespipeline.ingest.service.Publication;
import dev.notespipeline.parser.NoteParser;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger over REST, the authenticated rescan, and the metrics a user scrapes. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class LedgerResourceTest {

    private static final String ADMIN_PASSWORD = "test-only-admin-password";

    @ConfigProperty(name = "pipeline.bucket.url")
    String bucketUrl;

    @Inject
    LedgerProbe ledger;

    @Inject
    NoteLedger noteLedger;

    private Path folder;

    @BeforeEach
    void folder() throws IOException {
        folder = Files.createDirectories(Path.of(bucketUrl.substring("file:".length())).resolve("rest"));
    }

    @Test
    void aNoteIsFoundByItsKeyEvenWithSlashesSpacesAndJapanese() throws IOException {
        Path sub = Files.createDirectories(folder.resolve("2022 秋"));
        Files.writeString(sub.resolve("勉強会.md"), "# 第1回\n## Talk one\tAlice\n## Talk two\tBob\n");
        ledger.awaitStatus("rest/2022 秋/勉強会.md", NoteStatus.OK);

        given().get("/api/ingest/notes/{key}", "rest/2022 秋/勉強会.md")
                .then().statusCode(200)
                .body("key", equalTo("rest/2022 秋/勉強会.md"))
                .body("status", equalTo("ok"))
                .body("events", equalTo(1))
                .body("talks", equalTo(2))
                .body("contentHash", matchesPattern("[0-9a-f]{64}"));
    }

    @Test
    void aNoteShowsTheParserVersionThatReadItAndItsLayoutReport() throws IOException {
        Files.writeString(folder.resolve("read-by.md"), "# Read by\n## Talk\tAlice\n");
        ledger.awaitStatus("rest/read-by.md", NoteStatus.OK);
        given().get("/api/ingest/notes/rest/read-by.md").then().statusCode(200)
                .body("parserVersion", equalTo(NoteParser.VERSION))
                .body("resultHash", matchesPattern("[0-9a-f]{64}"));

        // A note as a layout-reading parser publishes it: the ledger keeps its report.
        LayoutReport layout = new LayoutReport("talks are ### headings under ## groups", "h3", "front-matter", "talks: h3",
                List.of(new LayoutDecision(3, "Day 1", "group", "groups the ### talks"),
                        new LayoutDecision(5, "休憩", "segment", "break")));
        ParsedNote note = new ParsedNote(NoteJson.SCHEMA_VERSION, "rest/layout.md", 7, "hash", "Layout", null, List.of(),
                "", List.of(new NoteEvent("e", "Layout", null, 1, null, null, null, null, null)), Instant.now(), 9, layout);
        noteLedger.recordPublished(List.of(new Publication(new BucketObject("rest/layout.md", 10, "stamp"), note, "result")));

        JsonPath one = given().get("/api/ingest/notes/rest/layout.md").then().statusCode(200).extract().jsonPath();
        assertThat(one.getInt("parserVersion")).isEqualTo(9);
        assertThat(one.getString("resultHash")).isEqualTo("result");
        assertThat(one.getString("layout.summary")).isEqualTo("talks are ### headings under ## groups");
        assertThat(one.getString("layout.talkUnit")).isEqualTo("h3");
        assertThat(one.getString("layout.eventSource")).isEqualTo("front-matter");
        assertThat(one.getString("layout.override")).isEqualTo("talks: h3");
        assertThat(one.getList("layout.decisions.role")).containsExactly("group", "segment");
        assertThat(one.getString("layout.decisions[1].reason")).isEqualTo("break");

        JsonPath page = given().queryParam("size", 500).get("/api/ingest/notes").then().statusCode(200).extract().jsonPath();
        String item = "items.find { it.key == 'rest/layout.md' }";
        assertThat(page.getString(item + ".layout.summary")).isEqualTo("talks are ### headings under ## groups");
        assertThat(page.getInt(item + ".parserVersion")).isEqualTo(9);
        assertThat(page.getMap(item + ".layout")).as("a page leaves the decisions out").doesNotContainKey("decisions");
    }

    @Test
    void anUnknownKeyIsAProblem() {
        given().get("/api/ingest/notes/rest/no/such/note.md")
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(404))
                .body("detail", containsString("rest/no/such/note.md"));
    }

    @Test
    void theListIsPagedAndFilteredByStatus() throws IOException {
        Files.writeString(folder.resolve("page-a.md"), "# A\n");
        Files.writeString(folder.resolve("page-b.md"), "# B\n");
        Files.write(folder.resolve("page-rejected.md"), new byte[0]);
        ledger.awaitStatus("rest/page-a.md", NoteStatus.OK);
        ledger.awaitStatus("rest/page-b.md", NoteStatus.OK);
        ledger.awaitStatus("rest/page-rejected.md", NoteStatus.REJECTED);

        JsonPath rejected = given().queryParam("status", "rejected").queryParam("size", 500)
                .get("/api/ingest/notes").then().statusCode(200).extract().jsonPath();
        List<String> rejectedKeys = rejected.getList("items.key");
        assertThat(rejectedKeys).contains("rest/page-rejected.md").doesNotContain("rest/page-a.md");
        assertThat(rejected.getList("items.status", String.class)).containsOnly("rejected");
        assertThat(rejected.getList("items.reason", String.class)).doesNotContainNull();

        JsonPath firstPage = given().queryParam("size", 1).get("/api/ingest/notes").then().statusCode(200)
                .extract().jsonPath();
        JsonPath secondPage = given().queryParam("size", 1).queryParam("page", 1).get("/api/ingest/notes")
                .then().statusCode(200).extract().jsonPath();
        assertThat(firstPage.getList("items")).hasSize(1);
        assertThat(firstPage.getLong("total")).isGreaterThanOrEqualTo(3);
        assertThat(secondPage.getString("items[0].key")).isGreaterThan(firstPage.getString("items[0].key"));
    }

    @Test
    void aMethodTheApiDoesNotHaveIsAProblem() {
        given().delete("/api/ingest/notes/some/note.md")
                .then().statusCode(405)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(405));
    }

    @Test
    void anUnknownStatusOrPageSizeIsAProblem() {
        given().queryParam("status", "lost").get("/api/ingest/notes")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("detail", containsString("ok"));
        given().queryParam("size", 0).get("/api/ingest/notes")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
    }

    @Test
    void rescanNeedsTheAdminPassword() {
        given().post("/api/ingest/rescan")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"))
                .header("WWW-Authenticate", startsWith("Basic"));
        given().auth().preemptive().basic("admin", "wrong").post("/api/ingest/rescan")
                .then().statusCode(401)
                .contentType(startsWith("application/problem+json"));
        given().auth().preemptive().basic("someone", ADMIN_PASSWORD).post("/api/ingest/rescan")
                .then().statusCode(401);
    }

    @Test
    void rescanReadsRejectedFilesAgain() throws IOException {
        Files.write(folder.resolve("rescanned.md"), new byte[0]);
        long rejectedVersion = ledger.awaitStatus("rest/rescanned.md", NoteStatus.REJECTED).version;

        given().auth().preemptive().basic("admin", ADMIN_PASSWORD).post("/api/ingest/rescan")
                .then().statusCode(200)
                .body("seen", greaterThanOrEqualTo(1))
                .body("queued", greaterThanOrEqualTo(1));

        await().atMost(ParsedTopic.PATIENCE)
                .until(() -> ledger.find("rest/rescanned.md").get().version > rejectedVersion);
        assertThat(ledger.find("rest/rescanned.md").get().reason).isEqualTo("empty");
    }

    @Test
    void metricsShowPublishedRejectedParseTimeAndLedgerSize() throws IOException {
        Files.writeString(folder.resolve("metrics.md"), "# Metrics\n## Talk\tAlice\n");
        ledger.awaitStatus("rest/metrics.md", NoteStatus.OK);

        String metrics = given().baseUri(ManagementInterface.baseUri()).get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("(?m)^ingest_notes_published_total(\\{[^}]*\\})? [1-9]")
                .containsPattern("(?m)^ingest_parse_duration_seconds_count(\\{[^}]*\\})? [1-9]")
                .containsPattern("(?m)^ingest_ledger_notes\\{[^}]*status=\"ok\"[^}]*\\} [1-9]");
    }
}
