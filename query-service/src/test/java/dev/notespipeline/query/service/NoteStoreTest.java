package dev.notespipeline.query.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notespipeline.contract.EnrichedNote;
import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import dev.notespipeline.contract.TopicTag;
import dev.notespipeline.infra.PipelineInfraResource;
import dev.notespipeline.query.entity.NoteEntity;
import dev.notespipeline.query.entity.TalkEntity;
import dev.notespipeline.query.entity.TalkTopicEntity;
import dev.notespipeline.query.entity.TopicEntity;
import dev.notespipeline.query.service.NoteStore.Outcome;
import dev.notespipeline.query.support.EnrichedNotes;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The store's rules against the real database, without Kafka in between. */
@QuarkusTest
@WithTestResource(value = PipelineInfraResource.class, scope = TestResourceScope.GLOBAL)
class NoteStoreTest {

    @Inject
    NoteStore store;

    private static long talksOf(String noteId) {
        return QuarkusTransaction.requiringNew().call(() -> TalkEntity.count("noteId", noteId));
    }

    private static List<String> slugsOf(String noteId) {
        return QuarkusTransaction.requiringNew().call(() -> TalkTopicEntity.<TalkTopicEntity>find(
                "talk.noteId = ?1", noteId).stream().map(TalkTopicEntity::slug).distinct().sorted().toList());
    }

    @Test
    void versionsOnlyMoveForwardAndARedeliveryChangesNothing() {
        assertThat(store.store(EnrichedNotes.sample("store-versions.md", 2, List.of("sv-two")))).isEqualTo(Outcome.STORED);
        assertThat(store.store(EnrichedNotes.sample("store-versions.md", 2, List.of("sv-two")))).isEqualTo(Outcome.SKIPPED);
        assertThat(store.store(EnrichedNotes.sample("store-versions.md", 1, List.of("sv-one")))).isEqualTo(Outcome.SKIPPED);
        assertThat(slugsOf("store-versions.md")).containsExactly("sv-two");

        assertThat(store.store(EnrichedNotes.sample("store-versions.md", 2, "retagged", List.of("sv-retagged"))))
                .isEqualTo(Outcome.RETAGGED);
        assertThat(slugsOf("store-versions.md")).containsExactly("sv-retagged");
        assertThat(talksOf("store-versions.md")).isEqualTo(13);

        assertThat(store.store(EnrichedNotes.sample("store-versions.md", 3, List.of("sv-three")))).isEqualTo(Outcome.STORED);
        NoteEntity note = QuarkusTransaction.requiringNew().call(() -> NoteEntity.findById("store-versions.md"));
        assertThat(note.version).isEqualTo(3);
        assertThat(note.taxonomyVersion).isEqualTo("test");
    }

    @Test
    void aTombstoneRemovesEverythingOnceAndAfterwardsAnyVersionIsNew() {
        store.store(EnrichedNotes.sample("store-deleted.md", 5, List.of("sd")));
        assertThat(store.delete("store-deleted.md")).isTrue();
        assertThat(talksOf("store-deleted.md")).isZero();
        assertThat(store.delete("store-deleted.md")).isFalse();
        assertThat(store.store(EnrichedNotes.sample("store-deleted.md", 1, List.of("sd")))).isEqualTo(Outcome.STORED);
    }

    @Test
    void aChildTagBringsItsAncestorsAndTheTopicTableRemembersLabels() {
        store.store(EnrichedNotes.sample("store-parents-a.md", 1, List.of("sp-grandparent")));
        EnrichedNote sample = EnrichedNotes.sample("store-parents-b.md", 1, List.of());
        QuarkusTransaction.requiringNew().run(() -> {
            TopicEntity parent = new TopicEntity();
            parent.slug = "sp-parent";
            parent.label = "Parent";
            parent.parent = "sp-grandparent";
            parent.persist();
        });
        Map<String, List<TopicTag>> childOnly = sample.talkTopics().keySet().stream().collect(Collectors.toMap(id -> id,
                id -> List.of(new TopicTag("sp-child", "Child", "sp-parent", 0.7, List.of()))));
        store.store(new EnrichedNote(sample.schemaVersion(), sample.note(), "t", childOnly, Map.of()));

        assertThat(slugsOf("store-parents-b.md")).containsExactly("sp-child", "sp-grandparent", "sp-parent");
        String parentLabel = QuarkusTransaction.requiringNew().call(() -> TalkTopicEntity.<TalkTopicEntity>find(
                "talk.noteId = ?1 and key.slug = ?2", "store-parents-b.md", "sp-parent").firstResult().label);
        assertThat(parentLabel).isEqualTo("Parent");
    }

    @Test
    void talksAreIndexedAsWordsForSearch() {
        store.store(EnrichedNotes.sample("store-words.md", 1, List.of()));
        String searchText = QuarkusTransaction.requiringNew().call(() -> TalkEntity.<TalkEntity>find(
                "noteId = ?1 and title like ?2", "store-words.md", "事例講演%").firstResult().searchText);
        assertThat(searchText.split(" ")).contains("監視", "戦略", "オブザーバビリティ", "observability");
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

        assertThat(store.store(new EnrichedNote(2, note, "t", Map.of(), Map.of()))).isEqualTo(Outcome.STORED);

        assertThat(talksOf("store-tsvector.md")).isEqualTo(2);
        TalkEntity stored = QuarkusTransaction.requiringNew().call(() -> TalkEntity.findById("tsv-big"));
        assertThat(stored.text).isEqualTo(huge);
        assertThat(stored.searchText.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(SearchText.MAX_BYTES);
        assertThat(stored.searchText).contains("endless", " " + letters(1000) + " ").doesNotContain(letters(199_999));
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
