package dev.notespipeline.query.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** The browser page and the API documentation are served by the service itself. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class WebPageTest {

    @Test
    void thePageAndItsScriptAreServedWithoutExternalResources() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script src=\"app.js\""))
                .body(not(containsString("https://")));
        given().get("/app.js").then().statusCode(200).body(containsString("api/talks"))
                .body(containsString("createTextNode")).body(not(containsString("innerHTML")));
        given().get("/style.css").then().statusCode(200);
    }

    @Test
    void openApiDocumentsTheApiAndSwaggerUiIsServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/talks/{id}"))
                .body(containsString("/api/events/{id}"))
                .body(containsString("/api/speakers"))
                .body(containsString("Full-text search"))
                .body("paths.'/api/talks'.get.parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body("paths.'/api/talks'.get.parameters.find { it.name == 'q' }.example", equalTo("監視"))
                .body("paths.'/api/talks'.get.responses.'400'.content.'application/problem+json'", notNullValue());
        given().get("/q/swagger-ui/").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"))
                .body(containsString("pipeline_note_queryable_seconds_bucket"));
        given().get("/q/health/ready").then().statusCode(200);
    }
}
