package dev.notespipeline.query.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.query.repository.TalkFilter;
import dev.notespipeline.query.repository.TopicCount;
import dev.notespipeline.query.repository.TopicRepository;
import dev.notespipeline.query.service.NoteStore.Outcome;
import dev.notespipeline.query.support.EnrichedNotes;
import dev.notespipeline.text.SearchText;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The store's rules against the real database, without Kafka in between. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class NoteStoreTest {

    @Inject
    NoteStore store;

    @Inject
    TopicRepository topics;

    @Inject
    DataSource dataSource;

    private Outcome store(EnrichedNote note) {
        return store.store(List.of(new NoteChange.Store(note))).get(0);
    }

    private boolean delete(String noteId) {
        return store.store(List.of(new NoteChange.Delete(noteId))).get(0) == Outcome.DELETED;
    }

    private List<String> column(String sql, String noteId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, noteId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long talksOf(String noteId) {
        return column("SELECT id FROM talk WHERE note_id = ?", noteId).size();
    }

    private List<String> slugsOf(String noteId) {
        return column("SELECT DISTINCT tt.slug FROM talk_topic tt JOIN talk t ON t.id = tt.talk_id WHERE t.note_id = ?"
                + " ORDER BY tt.slug", noteId);
    }

    private long talkCount(String slug) {
        return topics.counts(TalkFilter.none()).stream().filter(count -> count.slug().equals(slug))
                .mapToLong(TopicCount::talkCount).findFirst().orElse(0);
    }

    @Test
    void versionsOnlyMoveForwardAndARedeliveryChangesNothing() {
        assertThat(store(EnrichedNotes.sample("store-versions.md", 2, List.of("sv-two")))).isEqualTo(Outcome.STORED);
        assertThat(store(EnrichedNotes.sample("store-versions.md", 2, List.of("sv-two")))).isEqualTo(Outcome.SKIPPED);
        assertThat(store(EnrichedNotes.sample("store-versions.md", 1, List.of("sv-one")))).isEqualTo(Outcome.SKIPPED);
        assertThat(slugsOf("store-versions.md")).containsExactly("sv-two");

        assertThat(store(EnrichedNotes.sample("store-versions.md", 2, "retagged", List.of("sv-retagged"))))
                .isEqualTo(Outcome.RETAGGED);
        assertThat(slugsOf("store-versions.md")).containsExactly("sv-retagged");
        assertThat(talksOf("store-versions.md")).isEqualTo(13);

        assertThat(store(EnrichedNotes.sample("store-versions.md", 3, List.of("sv-three")))).isEqualTo(Outcome.STORED);
        assertThat(column("SELECT version || ' ' || taxonomy_version FROM note WHERE id = ?", "store-versions.md"))
                .containsExactly("3 test");
    }

    @Test
    void severalRecordsOfOneNoteInOneCallEndAsTheLastWinningOneLeftIt() {
        List<Outcome> outcomes = store.store(List.of(
                new NoteChange.Store(EnrichedNotes.sample("store-batch.md", 2, List.of("sb-two"))),
                new NoteChange.Store(EnrichedNotes.sample("store-batch.md", 1, List.of("sb-one"))),
                new NoteChange.Store(EnrichedNotes.sample("store-batch-other.md", 1, List.of("sb-other"))),
                new NoteChange.Store(EnrichedNotes.sample("store-batch.md", 3, List.of("sb-three"))),
                new NoteChange.Delete("store-batch-other.md"),
                new NoteChange.Delete("store-batch-never.md")));

        assertThat(outcomes).containsExactly(Outcome.STORED, Outcome.SKIPPED, Outcome.STORED, Outcome.STORED,
                Outcome.DELETED, Outcome.ABSENT);
        assertThat(slugsOf("store-batch.md")).containsExactly("sb-three");
        assertThat(talksOf("store-batch-other.md")).isZero();
        assertThat(talkCount("sb-two")).isZero();
        assertThat(talkCount("sb-other")).isZero();
        assertThat(talkCount("sb-three")).isEqualTo(13);
    }

    @Test
    void aRefusedRecordFailsTheWholeCallAndNothingOfItIsStored() {
        EnrichedNote good = EnrichedNotes.sample("store-atomic-good.md", 1, List.of("sa-good"));
        assertThatThrownBy(() -> store.store(List.of(new NoteChange.Store(good),
                new NoteChange.Store(EnrichedNotes.refusedByTheDatabase(EnrichedNotes.sample("store-atomic-bad.md", 1, List.of("sa-bad")))))))
                .isInstanceOf(RuntimeException.class);
        assertThat(talksOf("store-atomic-good.md")).isZero();
        assertThat(talkCount("sa-good")).isZero();
        assertThat(topics.isKnown("sa-good")).isFalse();
    }

    @Test
    void aTombstoneRemovesEverythingOnceAndAfterwardsAnyVersionIsNew() {
        store(EnrichedNotes.sample("store-deleted.md", 5, List.of("sd")));
        assertThat(delete("store-deleted.md")).isTrue();
        assertThat(talksOf("store-deleted.md")).isZero();
        assertThat(delete("store-deleted.md")).isFalse();
        assertThat(store(EnrichedNotes.sample("store-deleted.md", 1, List.of("sd")))).isEqualTo(Outcome.STORED);
    }

    @Test
    void topicCountsFollowEveryStoreRetagAndDelete() {
        store(EnrichedNotes.sample("store-counts-a.md", 1, List.of("sc-kept", "sc-dropped")));
        store(EnrichedNotes.sample("store-counts-b.md", 1, List.of("sc-kept")));
        assertThat(talkCount("sc-kept")).isEqualTo(26);
        assertThat(talkCount("sc-dropped")).isEqualTo(13);

        store(EnrichedNotes.sample("store-counts-a.md", 1, "retagged", List.of("sc-kept")));
        assertThat(talkCount("sc-dropped")).isZero();
        assertThat(topics.isKnown("sc-dropped")).isTrue();
        delete("store-counts-b.md");
        assertThat(talkCount("sc-kept")).isEqualTo(13);

        List<TopicCount> counted = topics.counts(new TalkFilter(List.of("sc-kept"), List.of(), null, null, null, null, null));
        assertThat(counted).extracting(TopicCount::slug).containsExactly("sc-kept");
        assertThat(counted.get(0).talkCount()).isEqualTo(13);
    }

    @Test
    void tagsAreStoredAsEnrichSentThemWithTheLabelsOfTheLatestSighting() {
        EnrichedNote sample = EnrichedNotes.sample("store-tags.md", 1, List.of());
        Map<String, List<TopicTag>> childOnly = sample.talkTopics().keySet().stream().collect(Collectors.toMap(id -> id,
                id -> List.of(new TopicTag("st-child", "Child", "st-parent", 0.7, List.of()),
                        new TopicTag("st-parent", "Parent", null, 0.7, List.of()))));
        store(new EnrichedNote(sample.schemaVersion(), sample.note(), "t", childOnly, Map.of()));
        assertThat(slugsOf("store-tags.md")).containsExactly("st-child", "st-parent");

        Map<String, List<TopicTag>> renamed = sample.talkTopics().keySet().stream().collect(Collectors.toMap(id -> id,
                id -> List.of(new TopicTag("st-parent", "Parent renamed", null, 0.7, List.of()))));
        store(new EnrichedNote(sample.schemaVersion(), sample.note(), "t2", renamed, Map.of()));
        assertThat(topics.counts(TalkFilter.none())).filteredOn(count -> count.slug().equals("st-parent"))
                .extracting(TopicCount::label).containsExactly("Parent renamed");
    }

    /** enrich-service segments a talk once; what it sent is stored as it is, not segmented again here. */
    @Test
    void theSearchTextEnrichSentIsStoredAsItCame() {
        EnrichedNote sample = EnrichedNotes.sample("store-carried.md", 1, List.of());
        Map<String, String> carried = sample.talkSearchText().keySet().stream()
                .collect(Collectors.toMap(id -> id, id -> "carried " + id.toLowerCase()));
        assertThat(store(sample.withTalkSearchText(carried))).isEqualTo(Outcome.STORED);

        List<String> stored = column("SELECT id || '=' || search_text FROM talk WHERE note_id = ?", "store-carried.md");
        assertThat(stored).hasSize(carried.size()).containsExactlyInAnyOrderElementsOf(carried.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue()).toList());
    }

    /** A record of an enrich-service from before the search text was carried is segmented here, as it used to be. */
    @Test
    void aRecordWithoutSearchTextIsSegmentedHere() {
        EnrichedNote sample = EnrichedNotes.sample("store-older.md", 1, List.of());
        store(new EnrichedNote(sample.schemaVersion(), sample.note(), "t", sample.talkTopics(), Map.of()));
        List<String> searchText = column("SELECT search_text FROM talk WHERE note_id = ? AND title LIKE '事例講演%'",
                "store-older.md");
        assertThat(searchText).hasSize(1);
        assertThat(searchText.get(0).split(" ")).contains("監視", "戦略", "オブザーバビリティ", "observability");
    }

    @Test
    void talksAreIndexedAsWordsForSearch() {
        store(EnrichedNotes.sample("store-words.md", 1, List.of()));
        List<String> searchText = column("SELECT search_text FROM talk WHERE note_id = ? AND title LIKE '事例講演%'",
                "store-words.md");
        assertThat(searchText).hasSize(1);
        assertThat(searchText.get(0).split(" ")).contains("監視", "戦略", "オブザーバビリティ", "observability");
    }

    /** PostgreSQL refuses a tsvector over 1 MB; such a talk is stored, searchable by the words of its beginning. */
    @Test
    void aTalkTooLongForATsvectorIsStoredWithTheRestOfItsNote() {
        // 200,000 different words: about 1.4 MB of text, well over 1 MB of lexemes.
        String huge = IntStream.range(0, 200_000).mapToObj(NoteStoreTest::letters).collect(Collectors.joining(" "));
        Talk big = new Talk("tsv-big", "A talk that never ends", null, null, null, 2, List.of(), List.of(), huge,
                null, null, null);
        Talk small = new Talk("tsv-small", "A short talk", null, null, null, 3, List.of(), List.of(), "short",
                null, null, null);
        NoteEvent event = new NoteEvent("tsv-event", "Endless night", null, 1, List.of(), List.of(),
                List.of(big, small), List.of(), List.of());
        ParsedNote note = new ParsedNote(2, "store-tsvector.md", 1, "hash", "Endless", null, List.of(), "",
                List.of(event), Instant.now(), 1, null);

        assertThat(store(new EnrichedNote(2, note, "t", Map.of(), Map.of()))).isEqualTo(Outcome.STORED);

        assertThat(talksOf("store-tsvector.md")).isEqualTo(2);
        assertThat(column("SELECT text FROM talk WHERE id = 'tsv-big' AND note_id = ?", "store-tsvector.md"))
                .containsExactly(huge);
        String searchText = column("SELECT search_text FROM talk WHERE id = 'tsv-big' AND note_id = ?", "store-tsvector.md")
                .get(0);
        assertThat(searchText.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SearchText.MAX_BYTES);
        assertThat(searchText).contains("endless", " " + letters(1000) + " ").doesNotContain(letters(199_999));
    }

    /** A word of letters only, different for every {@code n}: Kuromoji keeps it whole. */
    private static String letters(int n) {
        StringBuilder word = new StringBuilder("q");
        for (int rest = n; rest > 0; rest /= 26) {
            word.append((char) ('a' + rest % 26));
        }
        return word.toString();
    }
}
