package dev.notespipeline.parser;

/**
 * Bounds that keep parsing one memo within seconds and a few megabytes whatever its content.
 *
 * <p>flexmark's inline parser takes quadratic time on some link-like text (thousands of {@code [a](}
 * in one paragraph took minutes), and its regular expressions and tree code recurse, so very long lines
 * and deep nesting overflow the stack. Real memos stay far below every default.
 *
 * @param maxLineChars characters in one line
 * @param maxParagraphChars characters in one run of text lines that may form a single paragraph
 * @param maxNesting nesting of lists and block quotes; it also bounds the depth of {@code Bullet} trees
 * @param maxHeadings headings in one memo
 */
public record ParserLimits(int maxLineChars, int maxParagraphChars, int maxNesting, int maxHeadings) {

    public static final ParserLimits DEFAULTS = new ParserLimits(10_000, 10_000, 100, 10_000);

    public ParserLimits {
        if (maxLineChars < 1 || maxParagraphChars < 1 || maxNesting < 1 || maxHeadings < 1) {
            throw new IllegalArgumentException("every parser limit must be at least 1");
        }
    }
}
