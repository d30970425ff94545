package dev.notespipeline.enrich.quality;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The real memos other people published, with their human labels: {@code ../shared/notes/real/} beside the project
 * (its README describes {@code labels.json}). They are read where they are, never copied into the project.
 */
final class RealMemos {

    /** Overrides where the memos are, for a checkout that does not sit beside {@code shared/}. */
    static final String DIRECTORY_PROPERTY = "notes.real.dir";

    private RealMemos() {
    }

    static Path directory() {
        String configured = System.getProperty(DIRECTORY_PROPERTY);
        if (configured != null) {
            return requireLabels(Path.of(configured));
        }
        // Maven runs a module's tests in the module's folder; the project root is its parent.
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolveSibling("shared").resolve("notes").resolve("real");
            if (Files.isRegularFile(candidate.resolve("labels.json"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("the real memos are not in ../shared/notes/real beside the project; "
                + "give their folder with -D" + DIRECTORY_PROPERTY + "=<dir>");
    }

    private static Path requireLabels(Path dir) {
        if (!Files.isRegularFile(dir.resolve("labels.json"))) {
            throw new IllegalStateException(dir + " has no labels.json");
        }
        return dir;
    }

    /** Every labelled memo, by file name, in the order of {@code labels.json}. */
    static Map<String, Labels> labels(Path dir) {
        try {
            Map<String, Labels> all = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()
                    .readerForMapOf(Labels.class).readValue(dir.resolve("labels.json").toFile());
            return new LinkedHashMap<>(all);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(Path dir, String file) {
        try {
            return Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Labels(String language, List<LabelledEvent> events, List<LabelledTalk> talks) {

        Labels {
            events = events == null ? List.of() : events;
            talks = talks == null ? List.of() : talks;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LabelledEvent(String title, String heading) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record LabelledTalk(String title, String speaker, String affiliation, List<String> topics, String heading,
            boolean ambiguous) {

        LabelledTalk {
            topics = topics == null ? List.of() : topics;
        }

        String name() {
            return title != null ? title : "(talk by " + speaker + ")";
        }
    }
}
