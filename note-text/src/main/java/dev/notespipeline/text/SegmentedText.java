package dev.notespipeline.text;

import java.util.List;

/**
 * A text after normalisation, with its words and their offsets.
 *
 * <p>A long word that Kuromoji splits comes whole and in parts, so words may overlap: {@code オブザーバビリティ}
 * [0,9) beside {@code オブ} [0,2) and {@code ザーバビリティ} [2,9). Matching on offsets rather than on the word
 * sequence finds a term whether it is the whole word or one of its parts.
 *
 * @param normalized the text NFKC-normalised and lower-cased, as {@link WordSegmenter#normalize(String)} gives it
 * @param words in order of their start offsets
 */
public record SegmentedText(String normalized, List<Word> words) {

    public SegmentedText {
        words = List.copyOf(words);
    }
}
