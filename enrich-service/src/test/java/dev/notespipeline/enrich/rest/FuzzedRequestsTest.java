package dev.notespipeline.enrich.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.problem.fuzz.FuzzVerdict;
import dev.notespipeline.problem.fuzz.HostileRequests;
import dev.notespipeline.problem.fuzz.HostileRequests.Endpoint;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No request, however hostile, gets a server error, on the public port or the management one; every 4xx is problem+json. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "postgres", value = "false"))
class FuzzedRequestsTest {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.get("/api/taxonomy"),
            Endpoint.post("/api/tag-preview"),
            Endpoint.get("/{}"),
            Endpoint.get("/api/{}"));

    @Test
    void hostileRequestsAreAnsweredBelow500AndEvery4xxIsProblemJson() {
        assertThat(FuzzVerdict.violations(RestAssured.port, new HostileRequests(12, ENDPOINTS).take(400))).isEmpty();
    }

    @Test
    void theManagementPortAnswersHostileRequestsTheSameWay() {
        int port = URI.create(ManagementInterface.baseUri()).getPort();
        assertThat(FuzzVerdict.violations(port, new HostileRequests(12, HostileRequests.MANAGEMENT_ENDPOINTS).take(150)))
                .isEmpty();
    }
}
