package dev.notespipeline.bench;

import dev.notespipeline.parser.NoteParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Memos generated into the staging folder, with the number of talks the parser finds in them. */
record Batch(List<String> keys, List<String> memos, long talks) {

    static Batch generate(Path staging, long seed, int count) {
        List<String> keys = new ArrayList<>();
        List<String> memos = new ArrayList<>();
        long talks = 0;
        NoteParser parser = new NoteParser();
        for (int i = 0; i < count; i++) {
            String key = CorpusGenerator.key(seed, i);
            byte[] bytes = CorpusGenerator.write(staging, seed, i);
            String memo = new String(bytes, StandardCharsets.UTF_8);
            keys.add(key);
            memos.add(memo);
            talks += parser.parse(key, memo, 1, "count", Instant.EPOCH).talkCount();
        }
        return new Batch(keys, memos, talks);
    }

    /** As many memos as it takes to reach {@code talks} talks. */
    static Batch generateTalks(Path staging, long seed, long talks) {
        List<String> keys = new ArrayList<>();
        List<String> memos = new ArrayList<>();
        long found = 0;
        NoteParser parser = new NoteParser();
        for (int i = 0; found < talks; i++) {
            String key = CorpusGenerator.key(seed, i);
            String memo = new String(CorpusGenerator.write(staging, seed, i), StandardCharsets.UTF_8);
            keys.add(key);
            memos.add(memo);
            found += parser.parse(key, memo, 1, "count", Instant.EPOCH).talkCount();
        }
        return new Batch(keys, memos, found);
    }
}
