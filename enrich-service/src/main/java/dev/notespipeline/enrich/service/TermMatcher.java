package dev.notespipeline.enrich.service;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds a taxonomy term in a text, ignoring case and width, on word boundaries only.
 *
 * <p>The term must begin where a word of the text begins and end where a word ends, so {@code EKS} is not in
 * {@code weeks} but is in {@code EKS運用} (Kuromoji splits scripts), {@code 監視} is in {@code 監視戦略}, and a
 * term of several words ({@code Amazon EKS}, {@code 分散トレーシング}) matches the same run of words.
 */
public final class TermMatcher {

    private final String term;
    private final String normalized;

    public TermMatcher(String term) {
        this.term = term;
        this.normalized = MatchableText.normalize(term);
    }

    /** The term as the taxonomy writes it: what evidence shows. */
    public String term() {
        return term;
    }

    /** Where the term occurs in {@code text}; occurrences never overlap. */
    public List<Span> find(MatchableText text) {
        List<Span> spans = new ArrayList<>();
        String haystack = text.text();
        int from = 0;
        while (!normalized.isEmpty()) {
            int start = haystack.indexOf(normalized, from);
            if (start < 0) {
                break;
            }
            int end = start + normalized.length();
            if (text.onWordBoundaries(start, end)) {
                spans.add(new Span(start, end));
                from = end;
            } else {
                from = start + 1;
            }
        }
        return spans;
    }

    /** Where a term occurs: from {@code start} up to, not including, {@code end}. */
    public record Span(int start, int end) {

        boolean overlaps(Span other) {
            return start < other.end && other.start < end;
        }

        int length() {
            return end - start;
        }
    }
}
