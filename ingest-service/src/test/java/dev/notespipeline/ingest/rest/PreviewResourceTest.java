package dev.notespipeline.ingest.rest;

import static io.restassured.RestAssured.given;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.ingest.LedgerProbe;
import dev.notespipeline.ingest.ParsedTopic;
import dev.notespipeline.ingest.Sha256;
import dev.notespipeline.parser.NoteParser;
import dev.notespipeline.parser.fixtures.SampleNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** POST /api/ingest/preview: the note a memo would be, and every bad input answered as problem+json. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class PreviewResourceTest {

    /** As clients send it: RestAssured would otherwise add charset=ISO-8859-1 to a text type without a charset. */
    private static final RestAssuredConfig AS_SENT = RestAssured.config()
            .encoderConfig(encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false));

    /** {@code %test.pipeline.bucket.max-file-size}, and the service's {@code quarkus.http.limits.max-body-size}. */
    private static final int MAX_FILE_SIZE = 6 * 1024 * 1024;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    LedgerProbe ledger;

    private static Response preview(String contentType, byte[] body, String path) {
        var request = given().config(AS_SENT).contentType(contentType).body(body);
        if (path != null) {
            request = request.queryParam("path", path);
        }
        return request.post("/api/ingest/preview");
    }

    private static Response preview(String memo, String path) {
        return preview("text/markdown; charset=UTF-8", memo.getBytes(StandardCharsets.UTF_8), path);
    }

    @Test
    void aMemoIsAnsweredWithTheNoteItWouldBeAndNothingIsPublishedOrRecorded() {
        String memo = SampleNotes.text(SampleNotes.FY2022);
        String path = "preview/2022/fy2022-events.md";
        try (ParsedTopic topic = new ParsedTopic(bootstrapServers)) {
            String answer = preview(memo, path).then().statusCode(200).contentType(startsWith("application/json"))
                    .extract().asString();

            ParsedNote previewed = NoteJson.readParsed(answer);
            ParsedNote parsed = new NoteParser().parse(path, memo, 0, Sha256.of(memo), Instant.now());
            assertThat(previewed.noteId()).isEqualTo(path);
            assertThat(previewed.version()).isZero();
            assertThat(previewed.contentHash()).isEqualTo(Sha256.of(memo));
            assertThat(previewed.parserVersion()).isEqualTo(NoteParser.VERSION);
            assertThat(previewed.events()).hasSize(3);
            assertThat(talks(previewed)).extracting(Talk::id).containsExactlyElementsOf(
                    talks(parsed).stream().map(Talk::id).toList());
            assertThat(previewed.layout()).isNotNull().isEqualTo(parsed.layout());
            assertThat(previewed.layout().summary()).isNotBlank();
            assertThat(previewed.layout().decisions()).isNotEmpty();

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.records(path).isEmpty());
        }
        assertThat(ledger.find(path)).isEmpty();
    }

    @Test
    void plainTextIsReadTooAndThePathNamesAMemoWithoutHeadings() {
        given().config(AS_SENT).contentType("text/plain").body("- ECSの話\n- EKSの話\n".getBytes(StandardCharsets.UTF_8))
                .queryParam("path", "2024/JAWS DAYS 2024.md").post("/api/ingest/preview")
                .then().statusCode(200)
                .body("noteId", equalTo("2024/JAWS DAYS 2024.md"))
                .body("events[0].title", containsString("JAWS DAYS 2024"));
        given().config(AS_SENT).contentType("text/markdown").body("# Night\n## Talk\tAlice\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/ingest/preview").then().statusCode(200).body("noteId", equalTo("preview.md"));
    }

    @Test
    void emptyNotUtf8AndBinaryMemosAreBadRequests() {
        assertProblem(preview("text/markdown", new byte[0], null), 400, "empty");
        assertProblem(preview("text/markdown", " \n\t\n".getBytes(StandardCharsets.UTF_8), null), 400, "empty");
        assertProblem(preview("text/markdown", new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28}, null), 400,
                "invalid-utf8");
        assertProblem(preview("text/markdown", new byte[] {'#', ' ', 'a', 0, 'b'}, null), 400, "binary");
    }

    @Test
    void aMemoBeyondTheParsersLimitsIsUnprocessableWithTheParsersReason() {
        StringBuilder memo = new StringBuilder("# One huge event\n");
        for (int talk = 0; talk <= 10_000; talk++) {
            memo.append("## Talk ").append(talk).append('\n');
        }
        assertProblem(preview(memo.toString(), null), 422, "unparseable: ");
        assertProblem(preview(memo.toString(), null), 422, "more than 10000 headings");
    }

    /** Over the service's body limit (here also the bucket's size limit): refused before the body is read. */
    @Test
    void aMemoOverTheBodyLimitIsRefusedBeforeItIsRead() {
        byte[] tooLarge = new byte[MAX_FILE_SIZE + 1];
        Arrays.fill(tooLarge, (byte) 'a');
        assertProblem(preview("text/markdown", tooLarge, null), 413, "at most " + MAX_FILE_SIZE);
    }

    @Test
    void otherMediaTypesCharsetsAndUnsafePathsAreRefused() {
        byte[] memo = "# Night\n".getBytes(StandardCharsets.UTF_8);
        assertProblem(preview("application/json", memo, null), 415, "");
        assertProblem(preview("text/markdown; charset=ISO-8859-1", memo, null), 415, "UTF-8");
        assertProblem(preview("text/markdown", memo, "../outside.md"), 400, "path");
        assertProblem(preview("text/markdown", memo, "a\nb.md"), 400, "control characters");
        assertProblem(preview("text/markdown", memo, "x".repeat(2000) + ".md"), 400, "path");
    }

    @Test
    void openApiDocumentsThePreview() {
        given().baseUri(ManagementInterface.baseUri()).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/ingest/preview'.post.requestBody.content.'text/markdown'", notNullValue())
                .body("paths.'/api/ingest/preview'.post.requestBody.content.'text/plain'", notNullValue())
                .body("paths.'/api/ingest/preview'.post.parameters.find { it.name == 'path' }", notNullValue())
                .body("paths.'/api/ingest/preview'.post.responses.'200'.content.'application/json'", notNullValue())
                .body("paths.'/api/ingest/preview'.post.responses.'413'.content.'application/problem+json'", notNullValue())
                .body("paths.'/api/ingest/preview'.post.responses.'422'.content.'application/problem+json'", notNullValue())
                .body("components.schemas.ParsedNote.properties.layout", notNullValue())
                .body("components.schemas.LedgerEntry.properties.parserVersion", notNullValue())
                .body("components.schemas.LedgerLayout.properties.decisions", notNullValue());
    }

    private static List<Talk> talks(ParsedNote note) {
        return note.events().stream().flatMap(event -> event.talks().stream()).toList();
    }

    private static void assertProblem(Response response, int status, String detail) {
        response.then().statusCode(status).contentType(startsWith("application/problem+json"))
                .body("status", equalTo(status))
                .body("detail", containsString(detail));
    }
}
