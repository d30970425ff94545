package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.parser.fixtures.SampleNotes;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.support.PreviewUpstreams;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** POST /api/preview forwards to ingest's and enrich's preview APIs (real HTTP servers here) and stores nothing. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PreviewUpstreams.class, scope = TestResourceScope.GLOBAL)
class PreviewResourceTest {

    private static final String MEMO = SampleNotes.text(SampleNotes.FY2022);

    @AfterEach
    void answerNormallyAgain() {
        PreviewUpstreams.ingest = PreviewUpstreams.Ingest.PARSE;
        PreviewUpstreams.startServer(PreviewUpstreams.Upstream.INGEST);
        PreviewUpstreams.startServer(PreviewUpstreams.Upstream.ENRICH);
    }

    private static io.restassured.response.Response preview(String memo) {
        return given().contentType("text/markdown; charset=utf-8").body(memo).queryParam("name", "fy2022 events.md")
                .post("/api/preview");
    }

    @Test
    void aMemoComesBackAsIngestReadsItWithEachTalksTopicsAndNothingIsStored() {
        long talksBefore = given().get("/api/facets").then().statusCode(200).extract().jsonPath().getLong("total");

        JsonPath answer = preview(MEMO).then().statusCode(200).contentType("application/json").extract().jsonPath();
        assertThat(PreviewUpstreams.lastQuery).isEqualTo("path=fy2022+events.md");
        assertThat(PreviewUpstreams.lastContentType).startsWith("text/markdown");
        assertThat(answer.getString("name")).isEqualTo("fy2022 events.md");
        assertThat(answer.getString("note.noteId")).isEqualTo("fy2022 events.md");
        assertThat(answer.getList("note.events.title", String.class)).hasSize(3).contains("第42回 Tokyo Jazug Night");
        assertThat(answer.getString("taxonomyVersion")).isEqualTo("stand-in");
        assertThat(answer.getList("warnings")).isEmpty();

        String orbital = answer.getString("note.events[1].talks.find { it.title == 'Azure Orbital触ってみた' }.id");
        Map<String, List<Map<String, Object>>> topics = answer.getMap("topics");
        assertThat(topics.get(orbital)).singleElement().satisfies(topic -> {
            assertThat(topic).containsEntry("slug", "azure");
            assertThat((List<?>) topic.get("evidence")).isNotEmpty();
        });
        assertThat(topics.get(answer.getString("note.events[2].talks[0].id"))).isEmpty();

        assertThat(given().get("/api/facets").then().extract().jsonPath().getLong("total")).isEqualTo(talksBefore);
    }

    @Test
    void ingestsRefusalReachesThePageWithItsReason() {
        PreviewUpstreams.ingest = PreviewUpstreams.Ingest.REFUSE;
        preview(MEMO).then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("ingest-service answered 422: unparseable: more than 10000 headings"));
    }

    @Test
    void aSlowIngestIsA504AndAnUnreachableOneA502() {
        PreviewUpstreams.ingest = PreviewUpstreams.Ingest.SLOW;
        preview(MEMO).then().statusCode(504).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("ingest-service did not answer within 2 s"));

        PreviewUpstreams.stopServer(PreviewUpstreams.Upstream.INGEST);
        preview(MEMO).then().statusCode(502).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("ingest-service is unreachable at http://127.0.0.1:"));
    }

    @Test
    void aMemoLargerThanIngestReadsIsRefusedBeforeItIsForwarded() {
        PreviewUpstreams.lastQuery = null;
        given().contentType("text/markdown").body(new byte[5 * 1024 * 1024 + 1]).post("/api/preview")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE).body("detail", containsString("at most 5242880"));
        assertThat(PreviewUpstreams.lastQuery).isNull();
        given().contentType("application/json").body("{}").post("/api/preview").then().statusCode(415);
    }

    @Test
    void withoutEnrichTheMemoIsShownWithoutTopicsAndAWarning() {
        PreviewUpstreams.stopServer(PreviewUpstreams.Upstream.ENRICH);
        JsonPath answer = preview(MEMO).then().statusCode(200).extract().jsonPath();
        assertThat(answer.getList("note.events")).hasSize(3);
        assertThat(answer.getMap("topics")).isEmpty();
        assertThat(answer.getList("warnings", String.class)).singleElement().asString()
                .contains("topics are not shown", "enrich-service is unreachable");
    }
}
