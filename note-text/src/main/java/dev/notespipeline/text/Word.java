package dev.notespipeline.text;

/**
 * A word of a text and where it stands in that text once normalised.
 *
 * @param text the word as it is written in the normalised text
 * @param start offset of its first character in {@link SegmentedText#normalized()}
 * @param end offset just past its last character
 */
public record Word(String text, int start, int end) {
}
