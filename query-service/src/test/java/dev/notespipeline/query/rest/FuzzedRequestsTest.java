package dev.notespipeline.query.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.problem.fuzz.FuzzVerdict;
import dev.notespipeline.problem.fuzz.HostileRequests;
import dev.notespipeline.problem.fuzz.HostileRequests.Endpoint;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No request, however hostile, gets a server error; every 4xx is problem+json. {@code POST /api/preview} forwards to
 * ingest-service, which these tests do not run (PreviewResourceTest checks its own refusals; the fault suite fuzzes it
 * against the real ingest).
 */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class FuzzedRequestsTest {

    private static final String[] TALK_FILTERS = {"topic", "q", "event", "speaker", "speakerName", "from", "to"};

    static final List<Endpoint> ENDPOINTS = List.of(
            Endpoint.get("/api/talks", "topic", "q", "event", "speaker", "speakerName", "from", "to", "limit", "cursor"),
            Endpoint.get("/api/talks/{}"),
            Endpoint.get("/api/topics", TALK_FILTERS),
            Endpoint.get("/api/events", "topic", "limit", "cursor"),
            Endpoint.get("/api/events/{}"),
            Endpoint.get("/api/speakers"),
            Endpoint.get("/api/speakers/{}"),
            Endpoint.get("/api/facets", "topic", "q", "limit"),
            Endpoint.get("/api/timeline", "topic", "q", "by"),
            Endpoint.get("/"),
            Endpoint.get("/{}"),
            Endpoint.get("/js/{}"),
            Endpoint.get("/api/{}"));

    @Test
    void hostileRequestsAreAnsweredBelow500AndEvery4xxIsProblemJson() {
        assertThat(FuzzVerdict.violations(RestAssured.port, new HostileRequests(13, ENDPOINTS).take(400))).isEmpty();
    }

    @Test
    void theManagementPortAnswersHostileRequestsTheSameWay() {
        int port = URI.create(ManagementInterface.baseUri()).getPort();
        assertThat(FuzzVerdict.violations(port, new HostileRequests(13, HostileRequests.MANAGEMENT_ENDPOINTS).take(150)))
                .isEmpty();
    }
}
