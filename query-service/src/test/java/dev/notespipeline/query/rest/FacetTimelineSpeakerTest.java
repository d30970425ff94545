package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.parser.fixtures.SampleNotes;
import dev.notespipeline.problem.Problem;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /api/facets, /api/timeline and /api/speakers/{name}, and the highlighted matches of GET /api/talks. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class FacetTimelineSpeakerTest {

    /** Every talk stored here carries it, so other tests' copies of the sample memo stay out of the counts. */
    private static final String FIXTURE = "facet-fixture";

    private static final ParsedNote SAMPLE = SampleNotes.parsed(SampleNotes.FY2022, "facets/fy2022.md", 1);
    private static final ParsedNote SPRING_2023 = EnrichedNotes.parse("facets/2023.md", """
            ---
            title: Facet nights 2023
            date: 2023-03-04
            ---
            # Facet night 2023
            ## Kubernetes upgrades without fear\tZeta Facet / Omega Facetさん
            * kubectl drain and PodDisruptionBudgets
            ## Cost reports for small teams\tMu Facetさん
            * spreadsheets
            """);
    private static final ParsedNote SPRING_2024 = EnrichedNotes.parse("facets/2024.md", """
            ---
            title: Facet nights 2024
            date: 2024-03-20
            ---
            # Facet night 2024
            ## Kubernetes upgrades, one year later\tZeta Facet / Omega Facetさん
            * still draining nodes
            """);

    @InjectKafkaCompanion
    KafkaCompanion companion;

    private static TopicTag tag(String slug, String parent) {
        return new TopicTag(slug, slug.toUpperCase(), parent, 0.8, List.of());
    }

    /** Tagged as enrich-service tags the sample: Jazug talks are azure, the lounge's observability, EKS night's eks. */
    private static List<TopicTag> topicsOf(NoteEvent event, Talk talk) {
        List<TopicTag> topics = new ArrayList<>(List.of(tag(FIXTURE, null)));
        if (event.title().contains("Jazug")) {
            topics.add(tag("azure", null));
        } else if (event.title().startsWith("Observability Lounge")) {
            topics.add(tag("observability", null));
        } else if (event.title().contains("EKS")) {
            topics.add(tag("eks", "kubernetes"));
            topics.add(tag("kubernetes", null));
        } else if (talk.title() != null && talk.title().startsWith("Kubernetes")) {
            topics.add(tag("kubernetes", null));
        }
        return topics;
    }

    private static long talkCount() {
        return SAMPLE.talkCount() + SPRING_2023.talkCount() + SPRING_2024.talkCount();
    }

    @BeforeEach
    void storeTheMemos() {
        if (EnrichedNotes.talkCount(FIXTURE) == talkCount()) {
            return;
        }
        for (ParsedNote note : List.of(SAMPLE, SPRING_2023, SPRING_2024)) {
            EnrichedNotes.send(companion, EnrichedNotes.tagged(note, FacetTimelineSpeakerTest::topicsOf));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount(FIXTURE) == talkCount());
    }

    private static RequestSpecification fixture() {
        return given().queryParam("topic", FIXTURE);
    }

    private static JsonPath facets(RequestSpecification request) {
        return request.get("/api/facets").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> counts(JsonPath facets, String facet, String key) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> values = facets.getList(facet);
        values.forEach(value -> counts.put(String.valueOf(value.get(key)), ((Number) value.get("talkCount")).intValue()));
        return counts;
    }

    private static NoteEvent event(String titlePart) {
        return SAMPLE.events().stream().filter(event -> event.title().contains(titlePart)).findFirst().orElseThrow();
    }

    private static String speakerOfSeries() {
        return SPRING_2023.events().get(0).talks().get(0).speaker();
    }

    @Test
    void facetsCountTheMatchingTalksByTopicEventSpeakerAndYear() {
        JsonPath all = facets(fixture());
        assertThat(all.getLong("total")).isEqualTo(talkCount());
        assertThat(all.getLong("undated")).isEqualTo(SAMPLE.talkCount());
        assertThat(counts(all, "topics", "slug")).containsEntry(FIXTURE, (int) talkCount())
                .containsEntry("azure", 9).containsEntry("observability", 2)
                .containsEntry("kubernetes", event("EKS").talks().size() + 2);
        assertThat(all.getList("topics.slug")).first().isEqualTo(FIXTURE);
        assertThat(all.getString("topics.find { it.slug == 'eks' }.parent")).isEqualTo("kubernetes");
        assertThat(all.getString("topics.find { it.slug == 'azure' }.parent")).isNull();
        assertThat(counts(all, "events", "title")).containsEntry("第42回 Tokyo Jazug Night", 9);
        assertThat(counts(all, "years", "year")).containsExactly(Map.entry("2024", 1), Map.entry("2023", 2));
        assertThat(counts(all, "speakers", "name")).containsEntry(speakerOfSeries(), 2).containsEntry("HiroHata", 1);

        JsonPath azure = facets(fixture().queryParam("topic", "azure"));
        assertThat(azure.getLong("total")).isEqualTo(9);
        assertThat(counts(azure, "topics", "slug")).containsOnlyKeys(FIXTURE, "azure");
        assertThat(counts(azure, "events", "title")).containsExactly(Map.entry("第42回 Tokyo Jazug Night", 9));
        assertThat(azure.getList("years")).isEmpty();
        assertThat(azure.getLong("undated")).isEqualTo(9);
        assertThat(counts(azure, "speakers", "name")).containsEntry("HiroHata", 1)
                .hasSize((int) event("Jazug").talks().stream().filter(talk -> talk.speaker() != null).count());
    }

    @Test
    void facetsFollowTheSearchTheDatesAndTheExactSpeaker() {
        JsonPath monitoring = facets(fixture().queryParam("q", "監視"));
        assertThat(monitoring.getLong("total")).isEqualTo(2);
        assertThat(counts(monitoring, "topics", "slug")).containsOnly(Map.entry(FIXTURE, 2), Map.entry("observability", 2));

        JsonPath in2023 = facets(fixture().queryParam("from", "2023-01-01").queryParam("to", "2023-12-31"));
        assertThat(in2023.getLong("total")).isEqualTo(2);
        assertThat(counts(in2023, "years", "year")).containsExactly(Map.entry("2023", 2));

        JsonPath series = facets(fixture().queryParam("speakerName", speakerOfSeries()));
        assertThat(series.getLong("total")).isEqualTo(2);
        assertThat(counts(series, "events", "title")).containsOnlyKeys("Facet night 2023", "Facet night 2024");
        // The exact name is not a substring search: part of a name finds nobody.
        assertThat(facets(fixture().queryParam("speakerName", "Facet")).getLong("total")).isZero();
        assertThat(facets(fixture().queryParam("speaker", "Facet")).getLong("total")).isEqualTo(3);
    }

    @Test
    void facetsListAtMostLimitEventsAndSpeakers() {
        JsonPath two = facets(fixture().queryParam("limit", 2));
        assertThat(two.getList("speakers")).hasSize(2);
        assertThat(two.getList("speakers.name")).first().isEqualTo(speakerOfSeries());
        assertThat(two.getList("events")).hasSize(2);
        assertThat(two.getList("events.title")).first().isEqualTo("第42回 Tokyo Jazug Night");
        fixture().queryParam("limit", 0).get("/api/facets").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("limit"));
        fixture().queryParam("topic", "no-such-topic").get("/api/facets").then().statusCode(400)
                .body("detail", containsString("unknown topic"));
    }

    @Test
    void theTimelineCountsTalksPerTopicInEveryPeriodFromFirstToLast() {
        JsonPath years = fixture().queryParam("by", "year").get("/api/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(years.getString("by")).isEqualTo("year");
        assertThat(years.getList("periods")).containsExactly("2023", "2024");
        assertThat(years.getList("totals", Integer.class)).containsExactly(2, 1);
        assertThat(years.getList("topics.find { it.slug == 'kubernetes' }.counts", Integer.class)).containsExactly(1, 1);
        assertThat(years.getList("topics.slug")).first().isEqualTo(FIXTURE);

        JsonPath months = fixture().get("/api/timeline").then().statusCode(200).extract().jsonPath();
        List<String> periods = months.getList("periods");
        assertThat(periods).hasSize(13).startsWith("2023-03", "2023-04").endsWith("2024-03");
        List<Integer> totals = months.getList("totals", Integer.class);
        assertThat(totals.get(0)).isEqualTo(2);
        assertThat(totals.get(12)).isEqualTo(1);
        assertThat(totals.subList(1, 12)).containsOnly(0);

        JsonPath azure = fixture().queryParam("topic", "azure").get("/api/timeline").then().statusCode(200).extract().jsonPath();
        assertThat(azure.getList("periods")).as("the Jazug night has no date").isEmpty();

        fixture().queryParam("by", "week").get("/api/timeline").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("month or year"));
    }

    @Test
    void aSpeakerPageHasAllTheirTalksAcrossEventsNewestFirst() {
        String name = speakerOfSeries();
        assertThat(name).contains("/");
        JsonPath speaker = given().urlEncodingEnabled(false)
                .get("/api/speakers/" + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .then().statusCode(200).extract().jsonPath();
        assertThat(speaker.getString("name")).isEqualTo(name);
        assertThat(speaker.getInt("talkCount")).isEqualTo(2);
        assertThat(speaker.getList("talks.title")).containsExactly(
                SPRING_2024.events().get(0).talks().get(0).title(), SPRING_2023.events().get(0).talks().get(0).title());
        assertThat(speaker.getList("talks.event.title")).containsExactly("Facet night 2024", "Facet night 2023");
        assertThat(speaker.getMap("topics.find { it.slug == 'kubernetes' }")).containsEntry("talkCount", 2);

        given().get("/api/speakers/Nobody Facet").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("Nobody Facet"));
    }

    @Test
    void searchResultsMarkTheMatchedWordsInTitleAndSnippet() {
        JsonPath found = fixture().queryParam("q", "監視").get("/api/talks").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = found.getList("items");
        assertThat(items).hasSize(2);
        for (int i = 0; i < items.size(); i++) {
            String title = found.getString("items[" + i + "].title");
            List<Map<String, Integer>> spans = found.getList("items[" + i + "].titleMatches");
            assertThat(spans).isNotEmpty();
            spans.forEach(span -> assertThat(title.substring(span.get("start"), span.get("end"))).isEqualTo("監視"));
        }

        JsonPath services = fixture().queryParam("q", "app SERVICES").get("/api/talks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(services.getList("items")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            String title = services.getString("items[" + i + "].title");
            List<String> marked = services.<Map<String, Integer>>getList("items[" + i + "].titleMatches").stream()
                    .map(span -> title.substring(span.get("start"), span.get("end"))).toList();
            assertThat(marked).as("the English stem matches: services finds Service").containsExactly("App", "Service");
        }

        JsonPath snippet = fixture().queryParam("q", "PodDisruptionBudgets").get("/api/talks").then().statusCode(200)
                .extract().jsonPath();
        String text = snippet.getString("items[0].snippet.text");
        assertThat(text).contains("PodDisruptionBudgets");
        assertThat(text.substring(snippet.getInt("items[0].snippet.matches[0].start"),
                snippet.getInt("items[0].snippet.matches[0].end"))).isEqualTo("PodDisruptionBudgets");
    }

    @Test
    void withoutASearchTheSnippetIsTheBeginningOfTheText() {
        JsonPath orbital = fixture().queryParam("speakerName", "HiroHata").get("/api/talks").then().statusCode(200)
                .extract().jsonPath();
        assertThat(orbital.getList("items[0].titleMatches")).isEmpty();
        assertThat(orbital.getList("items[0].snippet.matches")).isEmpty();
        String text = EnrichedNotes.talk("Orbital").text().strip();
        assertThat(orbital.getString("items[0].snippet.text").replace(" · ", "\n"))
                .isEqualTo(text.length() <= 160 ? text : text.substring(0, 160) + "…");
        given().get("/api/talks?speakerName=HiroHata&topic=" + FIXTURE).then().body("items.size()", equalTo(1));
    }
}
