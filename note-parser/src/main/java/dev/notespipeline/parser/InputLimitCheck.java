package dev.notespipeline.parser;

/**
 * Refuses, in one linear pass over the raw text and before flexmark sees it, the memos flexmark could not
 * parse in bounded time or without overflowing the stack (see {@link ParserLimits}).
 *
 * <p>It reads lines as Markdown's block structure would, approximately: nesting counts every list marker
 * and {@code >} in front of a line's text plus half the indentation that is not part of a list marker (each
 * nested list level needs at least two more columns), so it never underestimates; a paragraph is any run of lines
 * that no blank line, heading, fence or new list item interrupts. Fenced code is not a paragraph (flexmark
 * reads it in linear time), so a long pasted log is fine; a crafted memo that fools this fence tracking is
 * left to the caller's parse deadline.
 */
final class InputLimitCheck {

    private final ParserLimits limits;

    InputLimitCheck(ParserLimits limits) {
        this.limits = limits;
    }

    void check(String text) {
        int lineNumber = 0;
        int headings = 0;
        int paragraphChars = 0;
        char fence = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            lineNumber++;
            int length = end - start;
            LinePrefix prefix = LinePrefix.of(text, start, end, limits.maxNesting());
            if (prefix.nesting() > limits.maxNesting()) {
                throw new UnparseableNoteException("line " + lineNumber + " nests lists or quotes more than "
                        + limits.maxNesting() + " levels deep");
            }
            if (length > limits.maxLineChars()) {
                throw new UnparseableNoteException("line " + lineNumber + " has " + length
                        + " characters; at most " + limits.maxLineChars() + " are allowed");
            }
            String content = text.substring(prefix.contentStart(), end).strip();
            if (fence != 0) {
                if (content.startsWith(String.valueOf(fence).repeat(3))) {
                    fence = 0;
                }
                paragraphChars = 0;
            } else if (opensFence(content)) {
                fence = content.charAt(0);
                paragraphChars = 0;
            } else if (content.isEmpty()) {
                paragraphChars = 0;
            } else if (isAtxHeading(content) || paragraphChars > 0 && isSetextUnderline(content)) {
                if (++headings > limits.maxHeadings()) {
                    throw new UnparseableNoteException("the memo has more than " + limits.maxHeadings() + " headings");
                }
                paragraphChars = 0;
            } else {
                paragraphChars = prefix.startsListItem() ? length : paragraphChars + length + 1;
                if (paragraphChars > limits.maxParagraphChars()) {
                    throw new UnparseableNoteException("the paragraph ending at line " + lineNumber + " has more than "
                            + limits.maxParagraphChars() + " characters; split it with blank lines");
                }
            }
            start = end + 1;
        }
    }

    private static boolean isAtxHeading(String content) {
        int hashes = 0;
        while (hashes < content.length() && content.charAt(hashes) == '#') {
            hashes++;
        }
        return hashes >= 1 && hashes <= 6 && (hashes == content.length() || Character.isWhitespace(content.charAt(hashes)));
    }

    /** {@code ===} or {@code ---} under a line of text makes that text a heading. */
    private static boolean isSetextUnderline(String content) {
        return content.chars().allMatch(c -> c == '=') || content.chars().allMatch(c -> c == '-');
    }

    private static boolean opensFence(String content) {
        return content.startsWith("~~~") || content.startsWith("```") && content.indexOf('`', 3) < 0;
    }

    /** The container markers and indentation in front of a line's content. */
    private record LinePrefix(int nesting, int contentStart, boolean startsListItem) {

        static LinePrefix of(String text, int start, int end, int maxNesting) {
            int markers = 0;
            int columns = 0;
            boolean listItem = false;
            boolean afterListMarker = false;
            int i = start;
            while (i < end && markers + columns / 2 <= maxNesting) {
                char c = text.charAt(i);
                if (c == ' ' || c == '\t') {
                    // The spaces after a list marker are part of the marker; all other indentation may nest a list.
                    if (!afterListMarker) {
                        columns += c == ' ' ? 1 : 4 - columns % 4;
                    }
                    i++;
                } else if (c == '>') {
                    markers++;
                    afterListMarker = false;
                    i++;
                } else {
                    int afterMarker = listMarkerEnd(text, i, end);
                    if (afterMarker < 0) {
                        break;
                    }
                    markers++;
                    listItem = true;
                    afterListMarker = true;
                    i = afterMarker;
                }
            }
            return new LinePrefix(markers + columns / 2, i, listItem);
        }

        /** Where a bullet ({@code -}, {@code +}, {@code *}) or ordered ({@code 12.}, {@code 3)}) marker at i ends, or -1. */
        private static int listMarkerEnd(String text, int i, int end) {
            int j = i;
            char c = text.charAt(j);
            if (c == '-' || c == '+' || c == '*') {
                j++;
            } else {
                while (j < end && j - i < 9 && Character.isDigit(text.charAt(j)) && text.charAt(j) < 128) {
                    j++;
                }
                if (j == i || j == end || text.charAt(j) != '.' && text.charAt(j) != ')') {
                    return -1;
                }
                j++;
            }
            return j == end || text.charAt(j) == ' ' || text.charAt(j) == '\t' ? j : -1;
        }
    }
}
