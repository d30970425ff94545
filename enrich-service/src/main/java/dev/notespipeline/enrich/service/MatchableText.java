package dev.notespipeline.enrich.service;

import dev.notespipeline.text.SegmentedText;
import dev.notespipeline.text.Word;
import dev.notespipeline.text.WordSegmenter;
import java.util.BitSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A text ready for term matching: NFKC-normalised, lower-cased, links dropped, every run of white space made one
 * space, and the offsets where Kuromoji's words begin and end.
 *
 * <p>Long words come whole and in parts (see {@link SegmentedText}), so both the whole word's ends and its parts'
 * ends are boundaries: {@code 監視} matches in {@code 監視戦略}, and {@code オブザーバビリティ} in
 * {@code オブザーバビリティ入門}.
 */
public final class MatchableText {

    private static final Pattern URL = Pattern.compile("(?:https?|ftp)://\\S+|www\\.\\S+");

    private final String normalized;
    private final BitSet starts = new BitSet();
    private final BitSet ends = new BitSet();

    private MatchableText(SegmentedText segmented) {
        this.normalized = segmented.normalized();
        for (Word word : segmented.words()) {
            starts.set(word.start());
            ends.set(word.end());
        }
    }

    /** A text line by line: the tagger counts a line once, however many terms it names. */
    public static List<MatchableText> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().filter(line -> !line.isBlank()).map(MatchableText::of).toList();
    }

    public static MatchableText of(String text) {
        return new MatchableText(WordSegmenter.segment(normalize(text)));
    }

    /**
     * What {@link #text()} is made of: a term normalised this way can be looked up in it. Links are dropped: a
     * URL is not prose, and a video id such as {@code 9EKS2x} would otherwise hold the word {@code eks}.
     */
    public static String normalize(String text) {
        String normalized = WordSegmenter.normalize(text == null ? "" : text);
        return URL.matcher(normalized).replaceAll(" ").replaceAll("\\s+", " ").strip();
    }

    public String text() {
        return normalized;
    }

    /** Whether a word begins at {@code start} and one (possibly the same) ends at {@code end}. */
    boolean onWordBoundaries(int start, int end) {
        return starts.get(start) && ends.get(end);
    }
}
