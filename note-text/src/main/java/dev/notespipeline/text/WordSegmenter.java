package dev.notespipeline.text;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Splits Japanese and English text into words with Lucene's Kuromoji morphological analyser.
 *
 * <p>Japanese is written without spaces, so neither a word-boundary regex nor PostgreSQL's parsers can find
 * its words; Kuromoji can. Search mode also splits compounds ({@code 監視戦略} gives {@code 監視} and
 * {@code 戦略}), so a search for a word finds the compounds built on it; a long word it splits is kept whole
 * beside its parts ({@code オブザーバビリティ}). Text is NFKC-normalised and
 * lower-cased first, so width and case never matter. Thread-safe.
 */
public final class WordSegmenter {

    private static final ThreadLocal<JapaneseTokenizer> TOKENIZERS = ThreadLocal.withInitial(
            () -> new JapaneseTokenizer(null, true, false, JapaneseTokenizer.Mode.SEARCH));

    private WordSegmenter() {
    }

    /** The words of {@code text}, in order, punctuation dropped. */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        segment(text).words().forEach(word -> words.add(word.text()));
        return words;
    }

    /**
     * The normalised text with its words and where each stands in it, punctuation dropped; what a matcher needs
     * to tell whether a phrase begins and ends on word boundaries.
     */
    public static SegmentedText segment(String text) {
        String normalized = text == null ? "" : normalize(text);
        List<Word> words = new ArrayList<>();
        if (normalized.isBlank()) {
            return new SegmentedText(normalized, words);
        }
        JapaneseTokenizer tokenizer = TOKENIZERS.get();
        try {
            tokenizer.setReader(new StringReader(normalized));
            CharTermAttribute term = tokenizer.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = tokenizer.addAttribute(OffsetAttribute.class);
            tokenizer.reset();
            while (tokenizer.incrementToken()) {
                String word = term.toString();
                String stripped = word.strip();
                if (!stripped.isEmpty()) {
                    int start = offset.startOffset() + word.indexOf(stripped);
                    words.add(new Word(stripped, start, start + stripped.length()));
                }
            }
            tokenizer.end();
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        } finally {
            try {
                tokenizer.close();
            } catch (IOException e) {
                // Closing a tokenizer over a string releases nothing that could fail.
            }
        }
        return new SegmentedText(normalized, words);
    }

    /** The words joined by single spaces: text PostgreSQL's {@code simple} full-text configuration can index. */
    public static String segmented(String text) {
        return String.join(" ", words(text));
    }

    /** NFKC and lower case: full-width {@code ＥＫＳ} and {@code eks} read the same. */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
