package dev.notespipeline.parser;

/**
 * What a talk heading says.
 *
 * @param title the title without speaker and duration
 * @param speaker the speaker without honorific, or null
 * @param durationMinutes the announced duration, or null
 * @param kind keynote, case-study, lt, or null
 */
public record TalkHeading(String title, String speaker, Integer durationMinutes, String kind) {
}
