package dev.notespipeline.query.mapping;

import dev.notespipeline.query.rest.TalkView;
import dev.notespipeline.text.SegmentedText;
import dev.notespipeline.text.Word;
import dev.notespipeline.text.WordSegmenter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Finds the words of a search in a talk's title and text, the way the search itself matched them, so the page can
 * mark them: Kuromoji's words (監視 inside 監視戦略) compared exactly or by their English stem (services finds
 * Service), as PostgreSQL's {@code simple} and {@code english} configurations compare them.
 *
 * <p>Offsets are those of the text as stored (UTF-16 indexes, as JavaScript counts them), not of the normalised
 * text the words were found in: NFKC may change a character's length (ｶ, ㈱), so each character is normalised on
 * its own and its place remembered.
 */
public final class SearchHighlighter {

    /** Characters of text a snippet shows. */
    static final int SNIPPET_LENGTH = 160;
    /** Characters shown before the first match, so the match is read in its context. */
    static final int LEAD = 40;
    /** Text past this is not searched for a snippet; a talk's first few thousand characters are its gist. */
    static final int MAX_SCANNED = 5_000;
    /** What stands for a line break in a snippet, which is one line. */
    static final String LINE_BREAK = " · ";

    private SearchHighlighter() {
    }

    /** Where the words stand in {@code text}, in order, never overlapping. */
    public static List<TalkView.Span> matches(String text, List<String> words) {
        if (text == null || text.isEmpty() || words.isEmpty()) {
            return List.of();
        }
        NormalizedText normalized = NormalizedText.of(text);
        SegmentedText segmented = WordSegmenter.segment(normalized.text());
        if (!segmented.normalized().equals(normalized.text())) {
            // Whole-text normalisation joined characters that per-character normalisation kept apart (a combining
            // mark): the offsets would not fit, so nothing is marked rather than the wrong letters.
            return List.of();
        }
        Set<String> exact = Set.copyOf(words);
        Set<String> stems = words.stream().map(SearchHighlighter::stem).collect(Collectors.toSet());
        List<TalkView.Span> spans = new ArrayList<>();
        int lastEnd = -1;
        for (Word word : segmented.words()) {
            boolean matches = exact.contains(word.text()) || stems.contains(stem(word.text()));
            if (matches) {
                int start = normalized.originalStart(word.start());
                int end = normalized.originalEnd(word.end());
                if (start >= lastEnd) {
                    spans.add(new TalkView.Span(start, end));
                    lastEnd = end;
                } else if (end > lastEnd) {
                    // Search mode gives a compound and its parts: a part inside a marked compound adds nothing.
                    TalkView.Span previous = spans.remove(spans.size() - 1);
                    spans.add(new TalkView.Span(previous.start(), end));
                    lastEnd = end;
                }
            }
        }
        return spans;
    }

    /**
     * A piece of the talk's text on one line: around the first match when there is one, else its beginning; an
     * ellipsis marks text left out.
     */
    public static TalkView.Snippet snippet(String text, List<String> words) {
        // A snippet shows at most SNIPPET_LENGTH characters from within the first MAX_SCANNED: the rest of a long
        // text is never flattened (one more character tells that text follows).
        String flat = text == null ? "" : flatten(text, MAX_SCANNED + SNIPPET_LENGTH + 1);
        if (flat.isEmpty()) {
            return new TalkView.Snippet("", List.of());
        }
        String scanned = flat.length() > MAX_SCANNED ? flat.substring(0, MAX_SCANNED) : flat;
        List<TalkView.Span> all = matches(scanned, words);
        int start = all.isEmpty() ? 0 : Math.max(0, all.get(0).start() - LEAD);
        if (start > 0) {
            int space = flat.indexOf(' ', start);
            if (space >= 0 && space < all.get(0).start()) {
                start = space + 1;
            }
        }
        start = avoidSplitPair(flat, start);
        int end = avoidSplitPair(flat, Math.min(flat.length(), start + SNIPPET_LENGTH));
        String prefix = start > 0 ? "…" : "";
        String suffix = end < flat.length() ? "…" : "";
        int from = start;
        int to = end;
        List<TalkView.Span> shown = all.stream()
                .filter(span -> span.start() >= from && span.end() <= to)
                .map(span -> new TalkView.Span(span.start() - from + prefix.length(), span.end() - from + prefix.length()))
                .toList();
        return new TalkView.Snippet(prefix + flat.substring(start, end) + suffix, shown);
    }

    /**
     * The text stripped and on one line: every run of blanks that holds a line break becomes {@code " · "}. Stops
     * once {@code limit} characters are written, so the result is the whole text's start when it is longer.
     */
    static String flatten(String text, int limit) {
        int begin = 0;
        int end = text.length();
        while (begin < end && Character.isWhitespace(text.charAt(begin))) {
            begin++;
        }
        while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        StringBuilder flat = new StringBuilder(Math.min(end - begin, limit) + LINE_BREAK.length());
        int index = begin;
        while (index < end && flat.length() < limit) {
            if (!isBlank(text.charAt(index))) {
                flat.append(text.charAt(index++));
                continue;
            }
            int runEnd = index;
            boolean lineBreak = false;
            while (runEnd < end && isBlank(text.charAt(runEnd))) {
                lineBreak |= text.charAt(runEnd) == '\n';
                runEnd++;
            }
            if (lineBreak) {
                flat.append(LINE_BREAK);
            } else {
                flat.append(text, index, runEnd);
            }
            index = runEnd;
        }
        return flat.toString();
    }

    /** A blank within a line or between lines (ASCII white space; an ideographic space is a character of the text). */
    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** Never cut between the two halves of a character outside the BMP (an emoji). */
    private static int avoidSplitPair(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    private static String stem(String word) {
        if (!word.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return word;
        }
        EnglishStemmer stemmer = new EnglishStemmer();
        stemmer.setCurrent(word);
        stemmer.stem();
        return stemmer.getCurrent();
    }

    /** A text normalised character by character, remembering where each normalised character came from. */
    private record NormalizedText(String text, int[] sourceStart, int[] sourceEnd) {

        static NormalizedText of(String original) {
            StringBuilder text = new StringBuilder(original.length());
            List<int[]> origins = new ArrayList<>(original.length());
            int index = 0;
            while (index < original.length()) {
                int next = original.offsetByCodePoints(index, 1);
                String normalized = WordSegmenter.normalize(original.substring(index, next));
                for (int i = 0; i < normalized.length(); i++) {
                    origins.add(new int[] {index, next});
                }
                text.append(normalized);
                index = next;
            }
            int[] starts = new int[origins.size()];
            int[] ends = new int[origins.size()];
            for (int i = 0; i < origins.size(); i++) {
                starts[i] = origins.get(i)[0];
                ends[i] = origins.get(i)[1];
            }
            return new NormalizedText(text.toString(), starts, ends);
        }

        int originalStart(int normalizedStart) {
            return sourceStart[normalizedStart];
        }

        int originalEnd(int normalizedEnd) {
            return sourceEnd[normalizedEnd - 1];
        }
    }
}
