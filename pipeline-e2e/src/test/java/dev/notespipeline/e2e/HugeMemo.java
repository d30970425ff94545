package dev.notespipeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A valid memo of an exact size: one event of 150 talks with long bullets, as a conference's full notes would be. */
final class HugeMemo {

    private static final int TALKS = 150;
    private static final Pattern MEMORY_SIZE = Pattern.compile("(\\d+)([KMG]?)");

    private HugeMemo() {
    }

    /** The largest memo ingest accepts: its {@code pipeline.bucket.max-file-size}, as the local stack runs it. */
    static long largestAccepted() {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(Pipeline.ROOT.resolve("ingest-service/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String size = properties.getProperty("pipeline.bucket.max-file-size", "").trim().toUpperCase(Locale.ROOT);
        Matcher matcher = MEMORY_SIZE.matcher(size);
        if (!matcher.matches()) {
            throw new IllegalStateException("cannot read pipeline.bucket.max-file-size '" + size + "'");
        }
        long unit = switch (matcher.group(2)) {
            case "K" -> 1024L;
            case "M" -> 1024L * 1024;
            case "G" -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        return Long.parseLong(matcher.group(1)) * unit;
    }

    /** A memo of exactly {@code bytes} bytes of UTF-8. */
    static String ofSize(long bytes) {
        Text memo = new Text();
        memo.add("# Huge Conference 2026\n\n");
        long perTalk = bytes / TALKS;
        String bullet = "* " + "Kubernetes operators on EKS kept the observability stack small and the on-call load low. "
                .repeat(11) + "\n";
        for (int talk = 0; talk < TALKS; talk++) {
            memo.add("## Talk " + talk + " about platforms\tSpeaker" + talk + "さん\n\n");
            long end = (long) (talk + 1) * perTalk;
            while (memo.bytes + bullet.length() + 1 < end) {
                memo.add(bullet);
            }
            memo.add("\n");
        }
        long missing = bytes - memo.bytes;
        if (missing < 0) {
            throw new IllegalStateException("the memo's skeleton is larger than " + bytes + " bytes");
        }
        // Padding: one more bullet line of at most 1,000 characters at a time, within the parser's limits.
        while (missing > 0) {
            int line = (int) Math.min(missing, 1000);
            memo.add(line < 3 ? "\n".repeat(line) : "* " + "x".repeat(line - 3) + "\n");
            missing -= line;
        }
        return memo.text.toString();
    }

    /** Text with its length in UTF-8 bytes. */
    private static final class Text {
        final StringBuilder text = new StringBuilder();
        long bytes;

        void add(String part) {
            text.append(part);
            bytes += part.getBytes(StandardCharsets.UTF_8).length;
        }
    }
}
