package dev.notespipeline.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.notespipeline.enrich.service.TopicTagger;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class TaxonomyResourceTest {

    @Inject
    TopicTagger tagger;

    @Test
    void theTaxonomyIsServedWithItsVersionTopicsAndTerms() {
        given().when().get("/api/taxonomy").then()
                .statusCode(200)
                .body("version", equalTo(tagger.taxonomy().version()))
                .body("topics.slug", hasItems("eks", "azure", "observability", "kubernetes", "aws"))
                .body("topics.find { it.slug == 'eks' }.parent", equalTo("kubernetes"))
                .body("topics.find { it.slug == 'eks' }.terms", hasItems("EKS", "eksctl"))
                .body("topics.find { it.slug == 'observability' }.weakTerms", hasItem("アラート"))
                .body("fieldWeights.'talk.title'", equalTo(3.0f));
    }

    @Test
    void theOpenApiDocumentDescribesTheEndpoints() {
        given().baseUri(ManagementInterface.baseUri()).queryParam("format", "json").when().get("/q/openapi").then()
                .statusCode(200)
                .body("paths.'/api/tag-preview'.post.summary", equalTo("Tag a talk without publishing anything"));
    }
}
