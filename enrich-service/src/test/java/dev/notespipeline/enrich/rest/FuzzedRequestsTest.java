package dev.notespipeline.enrich.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.problem.fuzz.FuzzVerdict;
import dev.notespipeline.problem.fuzz.HostileRequests;
import dev.notespipeline.problem.fuzz.HostileRequests.Endpoint;
import dev.notespipeline.problem.fuzz.RawHttp;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    /**
     * The management router reads a body before any route of ours runs; with a form body it decoded the query, failed
     * on the broken escape outside the router, and left the request unanswered (found by the fault suite).
     */
    @Test
    void aFormBodyWithABrokenQueryEscapeOnTheManagementPortIsABadRequest() {
        int port = URI.create(ManagementInterface.baseUri()).getPort();
        for (String target : List.of("/q/health?%zz=1", "/q/metrics?a=%E3%8")) {
            byte[] request = ("DELETE " + target + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 3\r\nConnection: close\r\n\r\na=b")
                    .getBytes(StandardCharsets.US_ASCII);
            RawHttp.Answer answer = RawHttp.send("localhost", port, request);
            assertThat(answer.status()).as("%s answered with %s", target, answer).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void theManagementPortAnswersHostileRequestsTheSameWay() {
        int port = URI.create(ManagementInterface.baseUri()).getPort();
        assertThat(FuzzVerdict.violations(port, new HostileRequests(12, HostileRequests.MANAGEMENT_ENDPOINTS).take(150)))
                .isEmpty();
    }
}
