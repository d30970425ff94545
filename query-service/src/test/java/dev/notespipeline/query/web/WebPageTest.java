package dev.notespipeline.query.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The browser page on the public port; the API documentation, metrics and health only on the management port. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class WebPageTest {

    private static final String MANAGEMENT = ManagementInterface.baseUri();

    @Test
    void thePageAndItsScriptAreServedWithoutExternalResources() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<script type=\"module\" src=\"js/main.js\""))
                .body(containsString("<script src=\"webjars/uplot/dist/uPlot.iife.min.js\""))
                .body(not(containsString("https://"))).body(not(containsString("<script>")));
        for (String module : List.of("main", "api", "dom", "i18n", "state", "search", "talks", "timeline", "pages", "preview")) {
            given().get("/js/" + module + ".js").then().statusCode(200).contentType(containsString("javascript"))
                    .body(not(containsString("innerHTML"))).body(not(containsString("eval(")));
        }
        given().get("/js/dom.js").then().body(containsString("createTextNode"));
        given().get("/style.css").then().statusCode(200);
        // The chart library comes from the service's own WebJar: the page needs no network beyond it.
        given().get("/webjars/uplot/dist/uPlot.iife.min.js").then().statusCode(200).body(containsString("uPlot"));
        given().get("/webjars/uplot/dist/uPlot.min.css").then().statusCode(200);
    }

    @Test
    void healthMetricsAndApiDocumentationAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/"}) {
            given().get(path).then().statusCode(404);
        }
    }

    @Test
    void theManagementPortServesOpenApiSwaggerUiMetricsAndHealth() {
        given().baseUri(MANAGEMENT).queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body(containsString("/api/talks/{id}"))
                .body(containsString("/api/events/{id}"))
                .body(containsString("/api/speakers"))
                .body(containsString("Full-text search"))
                .body("paths.'/api/talks'.get.parameters.find { it.name == 'limit' }.schema.type", equalTo("integer"))
                .body("paths.'/api/talks'.get.parameters.find { it.name == 'q' }.example", equalTo("監視"))
                .body("paths.'/api/talks'.get.responses.'400'.content.'application/problem+json'", notNullValue());
        given().baseUri(MANAGEMENT).get("/q/swagger-ui/").then().statusCode(200);
        given().baseUri(MANAGEMENT).get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"))
                .body(containsString("pipeline_note_queryable_seconds_bucket"));
        given().baseUri(MANAGEMENT).get("/q/health/ready").then().statusCode(200);
    }
}
