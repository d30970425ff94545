package dev.notespipeline.enrich.taxonomy;

import java.util.Arrays;
import java.util.Optional;

/** The parts of a note a talk is judged on; their keys name them in the taxonomy's weights and in evidence. */
public enum TextField {
    TALK_TITLE("talk.title"),
    TALK_TEXT("talk.text"),
    EVENT_TITLE("event.title"),
    EVENT_OVERVIEW("event.overview"),
    EVENT_IMPRESSIONS("event.impressions");

    private final String key;

    TextField(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Optional<TextField> ofKey(String key) {
        return Arrays.stream(values()).filter(field -> field.key.equals(key)).findFirst();
    }
}
