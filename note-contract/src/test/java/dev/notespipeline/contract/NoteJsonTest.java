package dev.notespipeline.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NoteJsonTest {

    private static ParsedNote sampleNote() {
        Talk talk = new Talk("t1", "Azure Orbital触ってみた", "HiroHata", 30, "lt", 12,
                List.of(new Link("youtube", "https://youtu.be/abc", "abc")),
                List.of(new Bullet("衛星", List.of(Bullet.leaf("データ")))), "衛星 データ", "NRI", "LT枠", null);
        NoteEvent event = new NoteEvent("e1", "第42回 Tokyo Jazug Night", LocalDate.of(2022, 12, 1), 3,
                List.of(), List.of(), List.of(talk), List.of(Bullet.leaf("楽しかった")),
                List.of(new Segment("懇親会", "party", 30, List.of(Bullet.leaf("ピザ")))));
        return new ParsedNote(NoteJson.SCHEMA_VERSION, "2022/events.md", 7, "ab12", "events",
                LocalDate.of(2022, 12, 1), List.of("azure"), "preamble", List.of(event), Instant.parse("2026-01-01T00:00:00Z"), 3,
                new LayoutReport("talks are ## headings", "h2", "heading", null,
                        List.of(new LayoutReport.LayoutDecision(3, "第42回 Tokyo Jazug Night", "event", "top heading"))));
    }

    @Test
    void parsedNoteSurvivesARoundTrip() {
        ParsedNote note = sampleNote();
        assertThat(NoteJson.readParsed(NoteJson.write(note))).isEqualTo(note);
    }

    @Test
    void enrichedNoteSurvivesARoundTrip() {
        EnrichedNote enriched = new EnrichedNote(NoteJson.SCHEMA_VERSION, sampleNote(), "tax-1",
                Map.of("t1", List.of(new TopicTag("azure", "Azure", null, 0.8, List.of(new Evidence("azure", "event.title", 1))))),
                Map.of());
        EnrichedNote read = NoteJson.readEnriched(NoteJson.write(enriched));
        assertThat(read).isEqualTo(enriched);
        assertThat(read.topicsOfTalk("t1")).extracting(TopicTag::slug).containsExactly("azure");
        assertThat(read.topicsOfTalk("unknown")).isEmpty();
    }

    @Test
    void theSearchTextEnrichMadeTravelsWithTheRecordAndOlderRecordsHaveNone() {
        EnrichedNote enriched = new EnrichedNote(NoteJson.SCHEMA_VERSION, sampleNote(), "tax-1", Map.of(), Map.of(),
                Map.of("t1", "監視 戦略 kafka"));
        assertThat(NoteJson.readEnriched(NoteJson.write(enriched)).talkSearchText()).containsEntry("t1", "監視 戦略 kafka");

        String older = NoteJson.write(new EnrichedNote(NoteJson.SCHEMA_VERSION, sampleNote(), "tax-1", Map.of(), Map.of()))
                .replace(",\"talkSearchText\":null", "");
        assertThat(older).doesNotContain("talkSearchText");
        assertThat(NoteJson.readEnriched(older).talkSearchText()).isNull();
    }

    @Test
    void datesAreWrittenAsIsoText() {
        assertThat(NoteJson.write(sampleNote())).contains("\"date\":\"2022-12-01\"").contains("\"schemaVersion\":2");
    }

    @Test
    void aVersionOneRecordStillReadsWithoutTheNewFields() {
        String json = "{\"schemaVersion\":1,\"noteId\":\"a.md\",\"version\":3,\"events\":[{\"id\":\"e\",\"title\":\"Night\","
                + "\"talks\":[{\"id\":\"t\",\"title\":\"Kafka\",\"speaker\":\"Bob\",\"line\":2}]}]}";
        ParsedNote note = NoteJson.readParsed(json);
        Talk talk = note.events().get(0).talks().get(0);
        assertThat(talk.speaker()).isEqualTo("Bob");
        assertThat(talk.affiliation()).isNull();
        assertThat(talk.track()).isNull();
        assertThat(note.events().get(0).segments()).isEmpty();
        assertThat(note.layout()).isNull();
        assertThat(note.parserVersion()).isZero();
    }

    @Test
    void unknownFieldsAreIgnoredSoNewerWritersDoNotBreakOlderReaders() {
        String json = "{\"schemaVersion\":1,\"noteId\":\"a.md\",\"version\":1,\"futureField\":{\"x\":1},\"events\":[]}";
        assertThat(NoteJson.readParsed(json).noteId()).isEqualTo("a.md");
    }

    @Test
    void aNewerSchemaVersionIsRejectedWithTheReason() {
        String json = "{\"schemaVersion\":99,\"noteId\":\"a.md\"}";
        assertThatThrownBy(() -> NoteJson.readParsed(json))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("unsupported schemaVersion 99");
    }

    @Test
    void garbageIsRejectedWithTheReason() {
        assertThatThrownBy(() -> NoteJson.readEnriched("{not json"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("not a valid EnrichedNote");
        assertThatThrownBy(() -> NoteJson.readParsed(""))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("empty");
        assertThatThrownBy(() -> NoteJson.readParsed("{\"schemaVersion\":1}"))
                .isInstanceOf(NoteFormatException.class)
                .hasMessageContaining("no noteId");
    }
}
