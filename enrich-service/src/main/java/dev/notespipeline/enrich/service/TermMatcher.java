package dev.notespipeline.enrich.service;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Counts a term's matches in a text, ignoring case and width (Unicode NFKC).
 *
 * <p>An ASCII term matches whole words only: {@code EKS} is not in {@code weeks}, but is in {@code EKS運用},
 * since a change of script is a word boundary.
 */
public final class TermMatcher {

    private final Pattern pattern;

    public TermMatcher(String term) {
        String normalized = normalize(term);
        String quoted = Pattern.quote(normalized);
        boolean ascii = normalized.chars().allMatch(c -> c < 128);
        this.pattern = ascii
                ? Pattern.compile("(?<![\\p{Alnum}])" + quoted + "(?![\\p{Alnum}])")
                : Pattern.compile(quoted);
    }

    /** @param normalizedText a text passed through {@link #normalize(String)} */
    public int count(String normalizedText) {
        Matcher matcher = pattern.matcher(normalizedText);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    public static String normalize(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }
}
