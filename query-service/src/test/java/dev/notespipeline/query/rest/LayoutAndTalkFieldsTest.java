package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notespipeline.contract.Bullet;
import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.LayoutReport;
import dev.notespipeline.contract.LayoutReport.LayoutDecision;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Segment;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.infra.ManagementInterface;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The fields of contract version 2 (affiliation, track, code, kind, a title-less talk, segments, parser version and
 * layout report) stored and served, and what was stored before them (version-1 records, rows from before the
 * migration) still served.
 */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class LayoutAndTalkFieldsTest {

    private static final String SUMMARY = "talks are ### headings under ## groups; events are # headings";

    @InjectKafkaCompanion
    KafkaCompanion companion;

    @Inject
    DataSource dataSource;

    /**
     * A conference memo as the layout-reading parser gives it: two events; the first with a grouped talk carrying
     * affiliation, code and kind, a talk whose heading names only its speaker, and two segments.
     */
    private static ParsedNote conference(String noteId) {
        Talk keynote = new Talk(noteId + "-t1", "Scaling clusters", "Jane Doe / 山田", null, "keynote", 5, List.of(),
                List.of(Bullet.leaf("node groups")), "node groups", "Acme / Example Corp", "Day 1 / Track A", "CON310");
        Talk speakerOnly = new Talk(noteId + "-t2", null, "Bob", null, "lt", 12, List.of(), List.of(), "", "Initech",
                "Day 1 / LT", null);
        NoteEvent day1 = new NoteEvent(noteId + "-e1", "DevCon 2024", LocalDate.of(2024, 6, 3), 1, List.of(), List.of(),
                List.of(keynote, speakerOnly), List.of(), List.of(
                        new Segment("休憩", "break", 9, List.of()),
                        new Segment("懇親会", "party", 15, List.of(Bullet.leaf("ピザ")))));
        Talk other = new Talk(noteId + "-t3", "Day two talk", null, null, null, 21, List.of(), List.of(), "", null,
                null, null);
        NoteEvent day2 = new NoteEvent(noteId + "-e2", "DevCon 2024 Day 2", LocalDate.of(2024, 6, 4), 20, List.of(),
                List.of(), List.of(other), List.of(), List.of());
        LayoutReport layout = new LayoutReport(SUMMARY, "h3", "heading", null, List.of(
                new LayoutDecision(1, "DevCon 2024", "event", "top heading"),
                new LayoutDecision(3, "Day 1 / Track A", "group", "groups the ### talks"),
                new LayoutDecision(5, "10:00 CON310 Scaling clusters - Jane Doe, Acme / 山田さん", "talk", "speaker in the heading"),
                new LayoutDecision(9, "休憩", "segment", "break"),
                new LayoutDecision(12, "Bob (Initech)", "talk", "names only its speaker"),
                new LayoutDecision(15, "懇親会", "segment", "party"),
                new LayoutDecision(20, "DevCon 2024 Day 2", "event", "top heading"),
                new LayoutDecision(21, "Day two talk", "talk", "sibling of the other talks")));
        return new ParsedNote(NoteJson.SCHEMA_VERSION, noteId, 1, "hash", "DevCon", null, List.of(), "",
                List.of(day1, day2), Instant.now(), 7, layout);
    }

    private void send(ParsedNote note, String slug) {
        Map<String, List<TopicTag>> topics = note.events().stream().flatMap(event -> event.talks().stream())
                .collect(Collectors.toMap(Talk::id, talk -> List.of(new TopicTag(slug, slug, null, 0.9, List.of()))));
        EnrichedNotes.send(companion, new EnrichedNote(NoteJson.SCHEMA_VERSION, note, "test", topics, Map.of()));
    }

    private static JsonPath talksOfEvent(String eventId) {
        return given().queryParam("event", eventId).get("/api/talks").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void talksCarryAffiliationTrackCodeAndKindAndATitleOnlyWhenTheMemoGivesOne() {
        send(conference("v2-fields.md"), "v2-fields");
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("v2-fields") == 3);

        JsonPath listed = talksOfEvent("v2-fields.md-e1");
        assertThat(listed.getList("items.id")).containsExactly("v2-fields.md-t1", "v2-fields.md-t2");
        assertThat(listed.getString("items[0].title")).isEqualTo("Scaling clusters");
        assertThat(listed.getString("items[0].speaker")).isEqualTo("Jane Doe / 山田");
        assertThat(listed.getString("items[0].affiliation")).isEqualTo("Acme / Example Corp");
        assertThat(listed.getString("items[0].track")).isEqualTo("Day 1 / Track A");
        assertThat(listed.getString("items[0].code")).isEqualTo("CON310");
        assertThat(listed.getString("items[0].kind")).isEqualTo("keynote");
        Map<String, Object> speakerOnly = listed.getMap("items[1]");
        assertThat(speakerOnly).containsEntry("title", null).containsEntry("speaker", "Bob")
                .containsEntry("affiliation", "Initech").containsEntry("kind", "lt").containsEntry("code", null);

        JsonPath detail = given().get("/api/talks/v2-fields.md-t1").then().statusCode(200).extract().jsonPath();
        assertThat(detail.getString("affiliation")).isEqualTo("Acme / Example Corp");
        assertThat(detail.getString("track")).isEqualTo("Day 1 / Track A");
        assertThat(detail.getString("code")).isEqualTo("CON310");
        assertThat(detail.getString("kind")).isEqualTo("keynote");
        assertThat(given().get("/api/talks/v2-fields.md-t2").then().statusCode(200).extract().jsonPath()
                .getMap("$")).containsEntry("title", null).containsEntry("speaker", "Bob");
    }

    @Test
    void searchFindsTheSessionCodeAndAnUntitledTalkIsNotFoundByTheWordNull() {
        send(conference("v2-search.md"), "v2-search");
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("v2-search") == 3);

        JsonPath byCode = given().queryParam("topic", "v2-search").queryParam("q", "CON310").get("/api/talks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byCode.getList("items.id")).containsExactly("v2-search.md-t1");
        JsonPath byNull = given().queryParam("topic", "v2-search").queryParam("q", "null").get("/api/talks")
                .then().statusCode(200).extract().jsonPath();
        assertThat(byNull.getList("items")).isEmpty();
    }

    @Test
    void aTalkSaysHowTheMemoWasReadAtItsHeading() {
        send(conference("v2-layout.md"), "v2-layout");
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("v2-layout") == 3);

        JsonPath source = given().get("/api/talks/v2-layout.md-t2").then().statusCode(200).extract().jsonPath()
                .setRootPath("source");
        assertThat(source.getString("noteId")).isEqualTo("v2-layout.md");
        assertThat(source.getInt("line")).isEqualTo(12);
        assertThat(source.getInt("parserVersion")).isEqualTo(7);
        assertThat(source.getString("layout.summary")).isEqualTo(SUMMARY);
        assertThat(source.getString("layout.talkUnit")).isEqualTo("h3");
        assertThat(source.getString("layout.eventSource")).isEqualTo("heading");
        assertThat(source.getList("layout.decisions")).hasSize(1);
        assertThat(source.getInt("layout.decisions[0].line")).isEqualTo(12);
        assertThat(source.getString("layout.decisions[0].role")).isEqualTo("talk");
        assertThat(source.getString("layout.decisions[0].reason")).isEqualTo("names only its speaker");
    }

    @Test
    void anEventHasItsSegmentsAndTheDecisionsAboutItsOwnHeadings() {
        send(conference("v2-segments.md"), "v2-segments");
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("v2-segments") == 3);

        JsonPath first = given().get("/api/events/v2-segments.md-e1").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("talks.id")).containsExactly("v2-segments.md-t1", "v2-segments.md-t2");
        assertThat(first.getList("segments.title")).containsExactly("休憩", "懇親会");
        assertThat(first.getList("segments.role")).containsExactly("break", "party");
        assertThat(first.getList("segments.line")).containsExactly(9, 15);
        assertThat(first.getString("segments[1].bullets[0].text")).isEqualTo("ピザ");
        assertThat(first.getInt("source.parserVersion")).isEqualTo(7);
        assertThat(first.getString("source.layout.summary")).isEqualTo(SUMMARY);
        assertThat(first.getList("source.layout.decisions.line")).containsExactly(1, 3, 5, 9, 12, 15);

        JsonPath second = given().get("/api/events/v2-segments.md-e2").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("segments")).isEmpty();
        assertThat(second.getList("source.layout.decisions.line")).containsExactly(20, 21);
    }

    @Test
    void aVersionOneRecordIsServedWithoutTheNewFields() {
        String v1 = """
                {"schemaVersion":1,"taxonomyVersion":"test","note":{"schemaVersion":1,"noteId":"contract-v1.md","version":1,
                 "contentHash":"h","title":"v1","events":[{"id":"contract-v1.md-e","title":"Old meetup","line":1,
                 "talks":[{"id":"contract-v1.md-t","title":"Old talk","speaker":"Ann","line":3,"text":"t"}]}]},
                 "talkTopics":{"contract-v1.md-t":[{"slug":"v1-record","label":"V1","score":0.9}]},"eventTopics":{}}""";
        EnrichedNotes.send(companion, "contract-v1.md", v1);
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("v1-record") == 1);

        assertServedWithoutNewFields("contract-v1.md-t", "contract-v1.md-e", "Old talk");
    }

    @Test
    void rowsStoredBeforeTheMigrationAreServed() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            // Exactly the columns the tables had before version 2 of the contract.
            sql.executeUpdate("INSERT INTO note (id, version, content_hash, title, taxonomy_version, stored_at)"
                    + " VALUES ('old-row.md', 1, 'h', 'old', 'test', now())");
            sql.executeUpdate("INSERT INTO event (id, note_id, position, title, event_date, line, links, overview,"
                    + " impressions) VALUES ('old-row.md-e', 'old-row.md', 0, 'Old meetup', NULL, 1, '[]', '[]', '[]')");
            sql.executeUpdate("INSERT INTO talk (id, event_id, note_id, position, title, speaker, duration_minutes, kind,"
                    + " line, text, bullets, links, taxonomy_version, event_date, event_position, search_text)"
                    + " VALUES ('old-row.md-t', 'old-row.md-e', 'old-row.md', 0, 'Old talk', 'Ann', NULL, NULL, 3, 't',"
                    + " '[]', '[]', 'test', NULL, 0, 'old talk')");
        }

        assertServedWithoutNewFields("old-row.md-t", "old-row.md-e", "Old talk");
    }

    @Test
    void openApiDocumentsEveryNewField() {
        JsonPath schemas = given().baseUri(ManagementInterface.baseUri()).queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .jsonPath().setRootPath("components.schemas");
        for (String schema : List.of("Talk", "TalkDetail")) {
            assertThat(schemas.getMap(schema + ".properties")).containsKeys("affiliation", "track", "code", "kind");
            assertThat(schemas.getString(schema + ".properties.title.description")).contains("null");
        }
        assertThat(schemas.getMap("TalkDetail.properties")).containsKey("source");
        assertThat(schemas.getMap("EventDetail.properties")).containsKeys("segments", "source");
        assertThat(schemas.getMap("Source.properties")).containsKeys("noteId", "line", "parserVersion", "layout");
        assertThat(schemas.getMap("Layout.properties")).containsKeys("summary", "talkUnit", "eventSource", "override",
                "decisions");
        assertThat(schemas.getMap("LayoutDecision.properties")).containsKeys("line", "text", "role", "reason");
        assertThat(schemas.getMap("Segment.properties")).containsKeys("title", "role", "line", "bullets");
    }

    private static void assertServedWithoutNewFields(String talkId, String eventId, String title) {
        JsonPath listed = talksOfEvent(eventId);
        assertThat(listed.getList("items.title")).containsExactly(title);
        assertThat(listed.getMap("items[0]")).containsEntry("affiliation", null).containsEntry("track", null)
                .containsEntry("code", null).containsEntry("kind", null);

        JsonPath talk = given().get("/api/talks/" + talkId).then().statusCode(200).extract().jsonPath();
        assertThat(talk.getString("speaker")).isEqualTo("Ann");
        assertThat(talk.getInt("source.line")).isEqualTo(3);
        assertThat(talk.getMap("source")).containsEntry("parserVersion", null).containsEntry("layout", null);

        JsonPath event = given().get("/api/events/" + eventId).then().statusCode(200).extract().jsonPath();
        assertThat(event.getList("talks.title")).containsExactly(title);
        assertThat(event.getList("segments")).isEmpty();
        assertThat(event.getMap("source")).containsEntry("parserVersion", null).containsEntry("layout", null);
    }
}
