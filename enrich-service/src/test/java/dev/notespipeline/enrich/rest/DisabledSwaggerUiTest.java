package dev.notespipeline.enrich.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** As in production, Swagger UI is built in but not served: its paths answer 404 as problem+json, not an empty 404. */
@QuarkusTest
@TestProfile(DisabledSwaggerUiTest.SwaggerUiOff.class)
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class DisabledSwaggerUiTest {

    public static class SwaggerUiOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.swagger-ui.enabled", "false");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html", "/q/swagger-ui/%F0%9F%98%80"})
    void swaggerUiPathsAreNotFoundAsProblems(String path) {
        given().baseUri(ManagementInterface.baseUri()).urlEncodingEnabled(false).get(path)
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
    }
}
