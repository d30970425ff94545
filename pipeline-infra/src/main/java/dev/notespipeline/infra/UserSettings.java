package dev.notespipeline.infra;

import java.util.Locale;

/** Settings a user may give as system properties or, in Quarkus's naming, as environment variables. */
public final class UserSettings {

    private UserSettings() {
    }

    /** The value of {@code key} ({@code kafka.bootstrap.servers} or {@code KAFKA_BOOTSTRAP_SERVERS}); null when unset. */
    public static String get(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            value = System.getenv(key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
        }
        return value == null || value.isBlank() ? null : value;
    }
}
