package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.Evidence;
import dev.notespipeline.contract.NoteJson;
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
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** GET /api/talks/{id}, /api/events/{id} and /api/speakers, parent topics and re-tagging, as a tagger would send them. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class TalkDetailTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    /**
     * The memo tagged the way enrich-service tags it: talks whose title says "App Service" get {@code child} (with
     * {@code parent} as parent) and, as enrich adds every ancestor, {@code parent} with the child's evidence; the Jazug
     * event gets {@code parent} from its title.
     */
    private static EnrichedNote tagged(String noteId, long version, String taxonomyVersion, String child, String parent) {
        ParsedNote note = SampleNotes.parsed(SampleNotes.FY2022, noteId, version);
        Map<String, List<TopicTag>> talkTopics = new HashMap<>();
        Map<String, List<TopicTag>> eventTopics = new HashMap<>();
        note.events().forEach(event -> {
            if (event.title().contains("Jazug")) {
                eventTopics.put(event.id(), List.of(new TopicTag(parent, parent.toUpperCase(), null, 0.6,
                        List.of(new Evidence("jazug", "event.title", 1)))));
            }
            List<Evidence> evidence = List.of(new Evidence("App Service", "talk.title", 1), new Evidence("app ser", "talk.text", 2));
            event.talks().forEach(talk -> talkTopics.put(talk.id(), talk.title().contains("App Service")
                    ? List.of(new TopicTag(child, "App Service", parent, 0.8, evidence),
                            new TopicTag(parent, parent.toUpperCase(), null, 0.8, evidence))
                    : List.of()));
        });
        return new EnrichedNote(NoteJson.SCHEMA_VERSION, note, taxonomyVersion, talkTopics, eventTopics);
    }

    private static JsonPath talksOf(String topic) {
        return given().queryParam("topic", topic).queryParam("limit", 100).get("/api/talks")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aTalkComesWithTextBulletsImpressionsSourceAndEvidence() {
        EnrichedNotes.send(companion, tagged("detail.md", 1, "t1", "detail-appservice", "detail-azure"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("detail-appservice") == 2);

        Talk expected = EnrichedNotes.talk("App Service 運用");
        String id = talksOf("detail-appservice").getString("items.find { it.title == '" + expected.title() + "' }.id");
        JsonPath talk = given().get("/api/talks/" + id).then().statusCode(200).extract().jsonPath();
        assertThat(talk.getString("id")).isEqualTo(id);
        assertThat(talk.getString("speaker")).isEqualTo("御成門プログラマー");
        assertThat(talk.getString("event.title")).isEqualTo("第42回 Tokyo Jazug Night");
        assertThat(talk.getString("text")).contains("オートスケール");
        assertThat(talk.getString("bullets[0].text")).contains("コスト節約");
        assertThat(talk.getList("bullets[0].children")).hasSize(4);
        assertThat(talk.getString("source.noteId")).isEqualTo("detail.md");
        assertThat(talk.getInt("source.line")).isEqualTo(expected.line()).isPositive();
        assertThat(talk.getString("topics[0].slug")).isEqualTo("detail-appservice");
        assertThat(talk.getList("topics[0].evidence.field")).containsExactly("talk.title", "talk.text");
        assertThat(talk.getList("topics[0].evidence.count")).containsExactly(1, 2);

        String observability = given().queryParam("q", "基調講演").queryParam("speaker", "").get("/api/talks")
                .then().statusCode(200).extract().jsonPath().getString("items[0].id");
        assertThat(given().get("/api/talks/" + observability).then().statusCode(200).extract().jsonPath()
                .getString("impressions[0].text")).contains("脳死で監視実装");
    }

    @Test
    void aParentTopicFindsTheTalksOfItsChildren() {
        EnrichedNotes.send(companion, tagged("parent.md", 1, "t1", "parent-appservice", "parent-azure"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("parent-appservice") == 2);
        assertThat(talksOf("parent-azure").getList("items.title")).containsExactlyInAnyOrder(
                EnrichedNotes.talk("App Service 運用").title(), EnrichedNotes.talk("App ServiceのGo").title());
        assertThat(talksOf("parent-azure").getString("items[0].topics.find { it.slug == 'parent-azure' }.label"))
                .isEqualTo("PARENT-AZURE");
    }

    @Test
    void aReTagOfTheSameVersionReplacesTheTagsAndItsRedeliveryChangesNothing() {
        EnrichedNotes.send(companion, tagged("retag.md", 4, "t1", "retag-old", "retag-parent"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("retag-old") == 2);

        String retag = NoteJson.write(tagged("retag.md", 4, "t2", "retag-new", "retag-parent"));
        EnrichedNotes.send(companion, "retag.md", retag);
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("retag-new") == 2);
        assertThat(EnrichedNotes.talkCount("retag-old")).isZero();

        // The same re-tag again, then the old tagging of an older version: neither changes anything.
        EnrichedNotes.send(companion, "retag.md", retag);
        EnrichedNotes.send(companion, tagged("retag.md", 3, "t3", "retag-older", "retag-parent"));
        EnrichedNotes.send(companion, tagged("retag.md", 5, "t2", "retag-marker", "retag-parent"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("retag-marker") == 2);
        assertThat(EnrichedNotes.talkCount("retag-older")).isZero();
    }

    @Test
    void anEventComesWithItsTalksImpressionsAndTopics() {
        EnrichedNotes.send(companion, tagged("event.md", 1, "t1", "event-appservice", "event-azure"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("event-appservice") == 2);

        JsonPath listed = given().queryParam("topic", "event-azure").get("/api/events").then().statusCode(200)
                .extract().jsonPath();
        assertThat(listed.getList("items.title", String.class)).singleElement()
                .satisfies(title -> assertThat(title).contains("Tokyo Jazug Night"));
        assertThat(listed.getInt("items[0].talkCount")).isEqualTo(9);
        assertThat(listed.getList("items[0].links.kind")).containsExactly("youtube", "connpass");
        assertThat(listed.getList("items[0].topics.slug")).containsExactly("event-appservice", "event-azure");

        JsonPath event = given().get("/api/events/" + listed.getString("items[0].id")).then().statusCode(200)
                .extract().jsonPath();
        assertThat(event.getList("talks")).hasSize(9);
        assertThat(event.getList("talks.title")).containsExactlyElementsOf(EnrichedNotes.talkTitlesOfEvent("Jazug"));
        assertThat(event.getList("overview.text", String.class)).anySatisfy(text -> assertThat(text).contains("LT回"));

        String eksEvent = given().queryParam("q", "EKS").get("/api/talks").then().statusCode(200)
                .extract().jsonPath().getString("items[0].event.id");
        assertThat(given().get("/api/events/" + eksEvent).then().statusCode(200).extract().jsonPath()
                .getString("impressions[0].text")).contains("シンプルに技術力の差");
    }

    @Test
    void speakersAreCountedAndUnknownIdsAreNotFound() {
        EnrichedNotes.send(companion, tagged("speakers.md", 1, "t1", "speakers-appservice", "speakers-azure"));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("speakers-appservice") == 2);
        List<Map<String, Object>> speakers = given().get("/api/speakers").then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(speakers).anySatisfy(speaker -> {
            assertThat(speaker.get("name")).isEqualTo("HiroHata");
            assertThat((Integer) speaker.get("talkCount")).isGreaterThanOrEqualTo(1);
        });
        assertThat(speakers).noneSatisfy(speaker -> assertThat(speaker.get("name")).isNull());

        given().get("/api/talks/no-such-talk").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("no-such-talk"));
        given().get("/api/events/no-such-event").then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(404));
    }
}
