package dev.notespipeline.query.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every answer, the page's and the API's, errors included, tells the browser to run nothing but the service's own. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class SecurityHeadersTest {

    private static void assertProtected(Response response, String what) {
        String policy = response.header("Content-Security-Policy");
        assertThat(policy).as(what).isNotNull()
                .contains("default-src 'self'", "script-src 'self';", "frame-ancestors 'none'", "object-src 'none'")
                .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "https:", "*");
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("no-referrer");
    }

    @Test
    void thePageItsFilesAndTheApiAnswerWithSecurityHeaders() {
        for (String path : List.of("/", "/index.html", "/js/main.js", "/style.css", "/api/talks", "/api/topics",
                "/api/facets", "/api/timeline")) {
            Response response = given().get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertProtected(response, path);
        }
    }

    @Test
    void errorsToo() {
        Response unknownTalk = given().get("/api/talks/no-such-talk");
        assertThat(unknownTalk.statusCode()).isEqualTo(404);
        assertProtected(unknownTalk, "unknown talk");
        Response badLimit = given().get("/api/talks?limit=0");
        assertThat(badLimit.statusCode()).isEqualTo(400);
        assertProtected(badLimit, "bad limit");
        Response unknownFile = given().get("/no-such-file.js");
        assertThat(unknownFile.statusCode()).isEqualTo(404);
        assertProtected(unknownFile, "unknown file");
    }

    @Test
    void onlySwaggerUiMayRunItsInlineScriptAndStillNotBeFramed() {
        Response swagger = given().baseUri(ManagementInterface.baseUri()).get("/q/swagger-ui/");
        assertThat(swagger.statusCode()).isEqualTo(200);
        assertThat(swagger.header("Content-Security-Policy")).contains("script-src 'self' 'unsafe-inline'")
                .contains("frame-ancestors 'none'");
        assertThat(swagger.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }
}
