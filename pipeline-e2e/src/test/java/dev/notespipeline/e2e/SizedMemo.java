package dev.notespipeline.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Valid memos of an exact size in bytes, up to the largest ingest accepts: one event of talks of a few kilobytes each. */
final class SizedMemo {

    private static final Pattern MEMORY_SIZE = Pattern.compile("(\\d+)([KMG]?)");
    private static final String BULLET = "* Kubernetes の運用で監視とアラートを見直した話。Observability with OpenTelemetry and EKS.\n";

    private SizedMemo() {
    }

    /** ingest's {@code pipeline.bucket.max-file-size} as the packaged service (and the local stack) runs it. */
    static int largestAccepted() {
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
        int unit = switch (matcher.group(2)) {
            case "K" -> 1024;
            case "M" -> 1024 * 1024;
            case "G" -> 1024 * 1024 * 1024;
            default -> 1;
        };
        return Math.multiplyExact(Integer.parseInt(matcher.group(1)), unit);
    }

    /** A memo of exactly {@code bytes} bytes of UTF-8, in English and Japanese, whose event is {@code event}. */
    static byte[] of(String event, int bytes) {
        StringBuilder memo = new StringBuilder("# ").append(event).append('\n');
        int bulletBytes = BULLET.getBytes(StandardCharsets.UTF_8).length;
        long size = memo.toString().getBytes(StandardCharsets.UTF_8).length;
        for (int talk = 1; size + 30 * bulletBytes < bytes; talk++) {
            String heading = "## Talk " + talk + " about cluster operations\tSpeaker" + talk + "さん\n";
            memo.append(heading).append(BULLET.repeat(25));
            size += heading.getBytes(StandardCharsets.UTF_8).length + 25L * bulletBytes;
        }
        for (; size + bulletBytes <= bytes - 1; size += bulletBytes) {
            memo.append(BULLET);
        }
        // The last line, in ASCII, makes it exact.
        memo.append("x".repeat((int) (bytes - 1 - size))).append('\n');
        byte[] exact = memo.toString().getBytes(StandardCharsets.UTF_8);
        if (exact.length != bytes) {
            throw new IllegalStateException("a memo of " + exact.length + " bytes, not " + bytes);
        }
        return exact;
    }
}
