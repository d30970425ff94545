package dev.notespipeline.text;

import dev.notespipeline.contract.NoteEvent;
import dev.notespipeline.contract.ParsedNote;
import dev.notespipeline.contract.Talk;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The words of a talk that full-text search covers: its heading's fields (title, speaker, event title…), then its text,
 * as Kuromoji's words joined by spaces (PostgreSQL derives its tsvectors from it, as its own parsers cannot find
 * Japanese words).
 *
 * <p>Made once, by enrich-service, which carries it in the enriched record ({@code EnrichedNote.talkSearchText}), so
 * query-service stores it as it comes and segments no talk.
 *
 * <p>PostgreSQL refuses a {@code tsvector} larger than 1 MB (its lexemes plus their positions), and with it the whole
 * note. A segmented text of at most {@link #MAX_BYTES} stays well under that whatever its words (at worst about
 * twice its own size), so the text of a longer talk is searched on its first {@code MAX_BYTES} only, cut between
 * words; the talk itself is stored whole.
 */
public final class SearchText {

    public static final int MAX_BYTES = 256 * 1024;

    private SearchText() {
    }

    /** The search text of every talk of the note, by talk id. */
    public static Map<String, String> byTalk(ParsedNote note) {
        Map<String, String> byTalk = new HashMap<>();
        for (NoteEvent event : note.events()) {
            for (Talk talk : event.talks()) {
                byTalk.put(talk.id(), of(talk.text(), talk.title(), talk.speaker(), talk.affiliation(), talk.code(),
                        event.title()));
            }
        }
        return byTalk;
    }

    /** @param heading short fields, always searched whole; null ones are left out */
    private static String of(String text, String... heading) {
        String headingWords = WordSegmenter.segmented(Stream.of(heading).filter(Objects::nonNull)
                .collect(Collectors.joining("\n")));
        String words = WordSegmenter.segmented(text);
        String all = headingWords.isEmpty() ? words : words.isEmpty() ? headingWords : headingWords + " " + words;
        return cut(all);
    }

    /** The longest run of whole words from the start that fits in {@link #MAX_BYTES} of UTF-8. */
    private static String cut(String words) {
        byte[] bytes = words.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_BYTES) {
            return words;
        }
        int end = MAX_BYTES;
        while (end > 0 && bytes[end] != ' ') {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }
}
