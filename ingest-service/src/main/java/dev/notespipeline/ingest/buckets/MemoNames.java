package dev.notespipeline.ingest.buckets;

import java.util.Locale;
import java.util.Optional;

/**
 * Which keys are memos, and which memo names are unsafe to pass on.
 *
 * <p>Only {@code *.md} and {@code *.markdown} are memos, so editors' and downloaders' partial files
 * ({@code x.md~}, {@code x.md.part}, {@code x.md.tmp}, {@code x.md.crdownload}) never are; nor is anything under
 * a dot folder or named with a leading dot ({@code .x.md.swp}, {@code .git/…}).
 */
public final class MemoNames {

    private MemoNames() {
    }

    public static boolean isMemo(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".md") && !lower.endsWith(".markdown")) {
            return false;
        }
        for (String segment : key.split("/", -1)) {
            // "." and ".." are not hidden files but unsafe names: they are reported, not ignored.
            if (segment.startsWith(".") && !segment.equals(".") && !segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Why a memo's key cannot be a note id downstream, if it cannot. */
    public static Optional<String> unsafeReason(String key) {
        if (key.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("the name contains control characters");
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return Optional.of("the name has an empty, '.' or '..' path segment");
            }
        }
        return Optional.empty();
    }

    /** The key with control characters escaped: keys may hold them (a reason to reject them), logs must not. */
    public static String printable(String key) {
        StringBuilder printable = new StringBuilder(key.length());
        key.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                printable.append(String.format("\\u%04x", c));
            } else {
                printable.appendCodePoint(c);
            }
        });
        return printable.toString();
    }
}
