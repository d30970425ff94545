package dev.notespipeline.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class TagPreviewResourceTest {

    @Inject
    TopicTagger tagger;

    @Test
    void aTalkIsTaggedWithScoresAndEvidence() {
        given().contentType(ContentType.JSON)
                .body(Map.of("title", "AKSで始めるクラスタ運用", "text", "アップグレード戦略", "eventTitle", "Tokyo Jazug Night"))
                .when().post("/api/tag-preview").then()
                .statusCode(200)
                .body("taxonomyVersion", equalTo(tagger.taxonomy().version()))
                .body("topics.slug", hasItems("aks", "azure", "kubernetes"))
                .body("topics.slug", not(hasItem("eks")))
                .body("topics.find { it.slug == 'azure' }.score", equalTo(1.0f))
                .body("topics.find { it.slug == 'azure' }.evidence.term", hasItems("AKS", "JAZUG"))
                .body("topics.find { it.slug == 'azure' }.evidence.find { it.term == 'JAZUG' }.field", equalTo("event.title"))
                .body("topics.find { it.slug == 'azure' }.evidence.find { it.term == 'JAZUG' }.count", equalTo(1));
    }

    @Test
    void aTalkAboutNoTopicGetsNone() {
        given().contentType(ContentType.JSON).body(Map.of("title", "Three weeks of speaking"))
                .when().post("/api/tag-preview").then()
                .statusCode(200)
                .body("topics", equalTo(java.util.List.of()));
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413BeforeItIsRead() {
        String huge = "{\"title\":\"" + "EKS ".repeat(1_000_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/api/tag-preview").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413))
                .body("detail", containsString("at most 327680"));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWith413() {
        byte[] huge = ("{\"title\":\"" + "EKS ".repeat(1_000_000) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().contentType(ContentType.JSON).body(new java.io.ByteArrayInputStream(huge))
                .when().post("/api/tag-preview").then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestExplained() {
        given().contentType(ContentType.JSON).body("{\"title\": ")
                .when().post("/api/tag-preview").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("detail", containsString("not the expected JSON"));
    }

    @Test
    void aFieldOfTheWrongShapeIsABadRequest() {
        given().contentType(ContentType.JSON).body("{\"title\": {\"nested\": true}}")
                .when().post("/api/tag-preview").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anEmptyRequestIsABadRequestThatSaysWhatIsMissing() {
        given().contentType(ContentType.JSON).body("{}")
                .when().post("/api/tag-preview").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("give at least one of title, text and eventTitle"));
        given().contentType(ContentType.JSON)
                .when().post("/api/tag-preview").then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anOversizedRequestIsRefused() {
        given().contentType(ContentType.JSON).body(Map.of("text", "EKS ".repeat(TagPreviewResource.MAX_CHARS)))
                .when().post("/api/tag-preview").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("at most"));
    }

    @Test
    void anotherMediaTypeIsRefusedAsProblemJson() {
        given().contentType(ContentType.TEXT).body("EKS")
                .when().post("/api/tag-preview").then()
                .statusCode(415)
                .contentType("application/problem+json");
    }
}
