package dev.notespipeline.ingest.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.ingest.CleanTestBucket;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.problem.fuzz.FuzzVerdict;
import dev.notespipeline.problem.fuzz.HostileRequests;
import dev.notespipeline.problem.fuzz.HostileRequests.Endpoint;
import dev.notespipeline.problem.fuzz.RawHttp;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No request, however hostile, gets a server error, on the public port or the management one; every 4xx is problem+json. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = CleanTestBucket.class, scope = TestResourceScope.GLOBAL)
class FuzzedRequestsTest {

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.get("/api/ingest/notes", "status", "page", "size"),
            Endpoint.get("/api/ingest/notes/{}"),
            Endpoint.get("/api/ingest/notes/2022/{}"),
            Endpoint.post("/api/ingest/rescan", "confirm-deletions"),
            Endpoint.post("/api/ingest/preview", "path"),
            Endpoint.get("/{}"),
            Endpoint.get("/api/{}"));

    @Test
    void aNulInANoteKeyIsABadRequestNotAServerError() {
        for (String key : List.of("%00", "a%00b.md", "2022/%00.md")) {
            RawHttp.Answer answer = RawHttp.get(RestAssured.port, "/api/ingest/notes/" + key);
            assertThat(answer.status()).as(key).isBetween(400, 499);
            assertThat(answer.contentType()).as(key).startsWith(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void hostileRequestsAreAnsweredBelow500AndEvery4xxIsProblemJson() {
        assertThat(FuzzVerdict.violations(RestAssured.port, new HostileRequests(11, ENDPOINTS).take(400))).isEmpty();
    }

    @Test
    void theManagementPortAnswersHostileRequestsTheSameWay() {
        int port = URI.create(ManagementInterface.baseUri()).getPort();
        assertThat(FuzzVerdict.violations(port, new HostileRequests(11, HostileRequests.MANAGEMENT_ENDPOINTS).take(150)))
                .isEmpty();
    }
}
