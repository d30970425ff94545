package dev.notespipeline.parser;

import java.util.Arrays;

/**
 * 1-based line numbers of character offsets in one text.
 *
 * <p>flexmark's own {@code getStartLineNumber()} counts lines from the start of the document on every call,
 * which made a memo with thousands of headings take seconds; this looks them up in a table.
 */
final class LineIndex {

    private final int[] lineStarts;

    LineIndex(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        lineStarts = Arrays.copyOf(starts, count);
    }

    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, offset);
        return found >= 0 ? found + 1 : -found - 1;
    }
}
