package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Full-text search in Japanese and English, and the other filters of GET /api/talks, on the sample memo. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class SearchTest {

    /** Every talk of this test's copy of the memo carries it, so other tests' copies stay out of the results. */
    private static final String TOPIC = "search-fixture";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeEach
    void storeTheSampleMemo() {
        if (EnrichedNotes.talkCount(TOPIC) == 13) {
            return;
        }
        try (KafkaCompanion companion = new KafkaCompanion(bootstrapServers)) {
            EnrichedNotes.send(companion, EnrichedNotes.sample("search.md", 1, List.of(TOPIC)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount(TOPIC) == 13);
    }

    private static RequestSpecification talks() {
        return given().queryParam("topic", TOPIC).queryParam("limit", 100);
    }

    private static List<String> titles(RequestSpecification request) {
        return request.get("/api/talks").then().statusCode(200).extract().jsonPath().getList("items.title");
    }

    @Test
    void aJapaneseWordFindsTheTalksThatUseItAlsoInsideCompounds() {
        List<String> observabilityLounge = EnrichedNotes.talkTitlesOfEvent("Observability Lounge");
        assertThat(observabilityLounge).hasSize(2);
        assertThat(titles(talks().queryParam("q", "監視"))).containsExactlyElementsOf(observabilityLounge);
        assertThat(titles(talks().queryParam("q", "仮想デスクトップ")))
                .containsExactly(EnrichedNotes.talk("仮想デスクトップ").title());
    }

    @Test
    void englishWordsMatchAnyCaseWidthAndWordForm() {
        List<String> appService = List.of(EnrichedNotes.talk("App Service 運用").title(), EnrichedNotes.talk("App ServiceのGo").title());
        assertThat(titles(talks().queryParam("q", "App Service"))).containsExactlyElementsOf(appService);
        assertThat(titles(talks().queryParam("q", "app SERVICES"))).containsExactlyElementsOf(appService);

        JsonPath eks = talks().queryParam("q", "EKS").get("/api/talks").then().statusCode(200).extract().jsonPath();
        assertThat(eks.getList("items")).hasSize(2);
        assertThat(eks.getList("items.event.title", String.class)).allSatisfy(title -> assertThat(title).contains("EKS"));
        assertThat(titles(talks().queryParam("q", "ｅｋｓ"))).isEqualTo(eks.getList("items.title"));
    }

    @Test
    void everyWordOfTheQueryMustMatch() {
        assertThat(titles(talks().queryParam("q", "監視 EKS"))).isEmpty();
        assertThat(titles(talks().queryParam("q", "Azure Orbital"))).containsExactly(EnrichedNotes.talk("Orbital").title());
    }

    @Test
    void speakerIsACaseInsensitiveSubstringAndWildcardsAreLiteral() {
        assertThat(titles(talks().queryParam("speaker", "hata"))).containsExactly(EnrichedNotes.talk("Orbital").title());
        assertThat(titles(talks().queryParam("speaker", "%"))).isEmpty();
        assertThat(titles(talks().queryParam("speaker", "_"))).containsExactly(EnrichedNotes.talk("仮想デスクトップ").title());
    }

    @Test
    void eventNarrowsToOneEventsTalksInSourceOrder() {
        String eventId = talks().queryParam("q", "監視").get("/api/talks").then().statusCode(200)
                .extract().jsonPath().getString("items[0].event.id");
        assertThat(titles(talks().queryParam("event", eventId)))
                .containsExactlyElementsOf(EnrichedNotes.talkTitlesOfEvent("Observability Lounge"));
    }

    @Test
    void topicCountsHonourTheSameFilters() {
        List<Object> facets = given().queryParam("topic", TOPIC).queryParam("q", "監視").get("/api/topics")
                .then().statusCode(200).extract().jsonPath().getList("talkCount");
        assertThat(facets).containsExactly(2);
        JsonPath speakerFacets = given().queryParam("speaker", "hata").queryParam("topic", TOPIC).get("/api/topics")
                .then().statusCode(200).extract().jsonPath();
        assertThat(speakerFacets.getList("slug")).containsExactly(TOPIC);
        assertThat(speakerFacets.getList("talkCount")).containsExactly(1);
    }
}
