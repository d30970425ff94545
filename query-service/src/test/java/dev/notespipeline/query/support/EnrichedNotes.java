package dev.notespipeline.query.support;

import static io.restassured.RestAssured.given;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteJson;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.PipelineTopics;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.parser.NoteParser;
import dev.notespipeline.parser.fixtures.SampleNotes;
import dev.notespipeline.text.SearchText;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The sample memo as enrich-service would publish it, tagged by hand (enrich-service is not in this JVM) and with the
 * search text enrich-service makes (note-text's {@link SearchText}), and the REST reads the tests wait on.
 */
public final class EnrichedNotes {

    private EnrichedNotes() {
    }

    /** The sample memo under {@code noteId}: every talk gets the topics of {@code slugs}. */
    public static EnrichedNote sample(String noteId, long version, List<String> slugs) {
        return sample(noteId, version, "test", slugs);
    }

    public static EnrichedNote sample(String noteId, long version, String taxonomyVersion, List<String> slugs) {
        ParsedNote note = SampleNotes.parsed(SampleNotes.FY2022, noteId, version);
        Map<String, List<TopicTag>> talkTopics = new HashMap<>();
        note.events().forEach(event -> event.talks().forEach(talk -> talkTopics.put(talk.id(),
                slugs.stream().map(slug -> new TopicTag(slug, slug.toUpperCase(), null, 0.9, List.of())).toList())));
        return new EnrichedNote(NoteJson.SCHEMA_VERSION, note, taxonomyVersion, talkTopics, Map.of(),
                SearchText.byTalk(note));
    }

    /** {@code note} with the topics {@code topicsOf} gives each of its talks; events get none of their own. */
    public static EnrichedNote tagged(ParsedNote note, BiFunction<NoteEvent, Talk, List<TopicTag>> topicsOf) {
        Map<String, List<TopicTag>> talkTopics = new HashMap<>();
        note.events().forEach(event -> event.talks().forEach(talk -> talkTopics.put(talk.id(), topicsOf.apply(event, talk))));
        return new EnrichedNote(NoteJson.SCHEMA_VERSION, note, "test", talkTopics, Map.of(), SearchText.byTalk(note));
    }

    /** {@code markdown} as ingest would publish it from bucket key {@code noteId}. */
    public static ParsedNote parse(String noteId, String markdown) {
        return new NoteParser().parse(noteId, markdown, 1, "test", Instant.EPOCH);
    }

    /** The note with an event the database refuses (an event must have a title): a poison record. */
    public static EnrichedNote refusedByTheDatabase(EnrichedNote sample) {
        ParsedNote note = sample.note();
        List<NoteEvent> events = new ArrayList<>(note.events());
        NoteEvent last = events.remove(events.size() - 1);
        events.add(new NoteEvent(last.id(), null, last.date(), last.line(), last.links(), last.overview(), last.talks(),
                last.impressions(), last.segments()));
        ParsedNote untitled = new ParsedNote(note.schemaVersion(), note.noteId(), note.version(), note.contentHash(),
                note.title(), note.date(), note.tags(), note.preamble(), events, note.detectedAt(), note.parserVersion(),
                note.layout());
        return new EnrichedNote(sample.schemaVersion(), untitled, sample.taxonomyVersion(), sample.talkTopics(),
                sample.eventTopics(), sample.talkSearchText());
    }

    public static void send(KafkaCompanion companion, String key, String value) {
        companion.produceStrings().fromRecords(new ProducerRecord<>(PipelineTopics.ENRICHED, key, value)).awaitCompletion();
    }

    public static void send(KafkaCompanion companion, EnrichedNote note) {
        send(companion, note.note().noteId(), NoteJson.write(note));
    }

    /** The sample memo as the parser in use reads it: tests take titles and lines from it, not from memory. */
    public static ParsedNote memo() {
        return SampleNotes.parsed(SampleNotes.FY2022, "memo.md", 1);
    }

    /** The talk titles of the sample memo's event whose title contains {@code eventTitlePart}, in order. */
    public static List<String> talkTitlesOfEvent(String eventTitlePart) {
        return memo().events().stream().filter(event -> event.title().contains(eventTitlePart))
                .flatMap(event -> event.talks().stream()).map(Talk::title).toList();
    }

    /** The sample memo's talk whose title contains {@code titlePart}. */
    public static Talk talk(String titlePart) {
        return memo().events().stream().flatMap(event -> event.talks().stream())
                .filter(talk -> talk.title().contains(titlePart)).findFirst().orElseThrow();
    }

    /** How many talks carry {@code topic}; 0 while no note carried it yet (the API then answers 400). */
    public static int talkCount(String topic) {
        Response response = given().queryParam("topic", topic).queryParam("limit", 100).get("/api/talks");
        if (response.statusCode() == 400) {
            return 0;
        }
        return response.then().statusCode(200).extract().jsonPath().getList("items").size();
    }
}
