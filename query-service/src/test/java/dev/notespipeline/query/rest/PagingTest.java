package dev.notespipeline.query.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kafka.InjectKafkaCompanion;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order, date range and keyset cursors of GET /api/talks and GET /api/events. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class PagingTest {

    @InjectKafkaCompanion
    KafkaCompanion companion;

    /** The sample memo dated {@code date} (its events carry no date of their own, so they take the note's). */
    private static EnrichedNote dated(String noteId, long version, LocalDate date, List<String> slugs) {
        EnrichedNote sample = EnrichedNotes.sample(noteId, version, slugs);
        ParsedNote note = sample.note();
        ParsedNote withDate = new ParsedNote(note.schemaVersion(), note.noteId(), note.version(), note.contentHash(),
                note.title(), date, note.tags(), note.preamble(), note.events(), note.detectedAt(), note.parserVersion(),
                note.layout());
        return new EnrichedNote(sample.schemaVersion(), withDate, sample.taxonomyVersion(), sample.talkTopics(), sample.eventTopics());
    }

    private static JsonPath page(String topic, int limit, String cursor) {
        var request = given().queryParam("topic", topic).queryParam("limit", limit);
        if (cursor != null) {
            request.queryParam("cursor", cursor);
        }
        return request.get("/api/talks").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void newestEventsComeFirstThenSourceOrderAndDatesFilter() {
        EnrichedNotes.send(companion, dated("order-old.md", 1, LocalDate.of(2021, 5, 1), List.of("order")));
        EnrichedNotes.send(companion, dated("order-new.md", 1, LocalDate.of(2022, 12, 8), List.of("order")));
        EnrichedNotes.send(companion, EnrichedNotes.sample("order-undated.md", 1, List.of("order")));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("order") == 39);

        JsonPath all = page("order", 100, null);
        List<String> dates = all.getList("items.event.date");
        assertThat(dates.subList(0, 13)).containsOnly("2022-12-08");
        assertThat(dates.subList(13, 26)).containsOnly("2021-05-01");
        assertThat(dates.subList(26, 39)).containsOnly((String) null);
        List<String> memoOrder = EnrichedNotes.memo().events().stream()
                .flatMap(event -> event.talks().stream()).map(talk -> talk.title()).toList();
        assertThat(all.<String>getList("items.title").subList(0, 13)).containsExactlyElementsOf(memoOrder);

        List<String> inDecember = given().queryParam("topic", "order").queryParam("from", "2022-12-01")
                .queryParam("to", "2022-12-31").queryParam("limit", 100).get("/api/talks")
                .then().statusCode(200).extract().jsonPath().getList("items.event.date");
        assertThat(inDecember).hasSize(13).containsOnly("2022-12-08");
        assertThat(given().queryParam("topic", "order").queryParam("from", "2021-05-01").queryParam("to", "2021-05-01")
                .get("/api/talks").then().statusCode(200).extract().jsonPath().getList("items")).hasSize(13);
        given().queryParam("from", "2022-12-31").queryParam("to", "2022-01-01").get("/api/talks")
                .then().statusCode(400).body("detail", containsString("after"));
    }

    @Test
    void pagingWhileNotesArriveNeitherRepeatsNorSkipsTheTalksThatExisted() {
        EnrichedNotes.send(companion, dated("live-a.md", 1, LocalDate.of(2022, 6, 1), List.of("live")));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("live") == 13);
        List<String> existing = page("live", 100, null).getList("items.id");

        List<String> seen = new ArrayList<>();
        JsonPath current = page("live", 4, null);
        seen.addAll(current.getList("items.id"));
        // Newer, older and undated talks arrive, and the first note is replaced by a new version, mid-way.
        EnrichedNotes.send(companion, dated("live-newer.md", 1, LocalDate.of(2023, 1, 1), List.of("live")));
        EnrichedNotes.send(companion, dated("live-older.md", 1, LocalDate.of(2020, 1, 1), List.of("live")));
        EnrichedNotes.send(companion, dated("live-a.md", 2, LocalDate.of(2022, 6, 1), List.of("live")));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("live") == 39);

        while (current.getString("nextCursor") != null) {
            current = page("live", 4, current.getString("nextCursor"));
            seen.addAll(current.getList("items.id"));
        }
        assertThat(seen).doesNotHaveDuplicates().containsAll(existing);
    }

    @Test
    void eventsArePagedWithTheirOwnCursorsAndFilteredByTopic() {
        EnrichedNotes.send(companion, dated("events-paged.md", 1, LocalDate.of(2022, 3, 3), List.of("events-paged")));
        await().atMost(Duration.ofSeconds(30)).until(() -> EnrichedNotes.talkCount("events-paged") == 13);

        JsonPath first = given().queryParam("topic", "events-paged").queryParam("limit", 2).get("/api/events")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.talkCount")).containsExactly(2, 9);
        String cursor = first.getString("nextCursor");
        JsonPath second = given().queryParam("topic", "events-paged").queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/events").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("items.title")).containsExactly(EnrichedNotes.memo().events().get(2).title());
        assertThat(second.getString("nextCursor")).isNull();
        assertThat(second.getList("items[0].topics.slug")).containsExactly("events-paged");

        // A cursor of one list is no cursor of the other.
        given().queryParam("cursor", cursor).get("/api/talks").then().statusCode(400);
    }
}
