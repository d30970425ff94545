package dev.notespipeline.parser;

/**
 * What a talk heading says.
 *
 * @param title the title without speaker, duration, time slot, numbering, session code and level; null when the
 *     heading names only its speaker
 * @param speaker the speaker without honorific, or null
 * @param durationMinutes the announced duration, or null
 * @param kind keynote, case-study, lt, workshop, panel, or null
 * @param affiliation where the speaker works, when the heading says, or null
 * @param code the session code, or null
 * @param scheduled whether the heading carries a time slot
 * @param numbered whether the heading is numbered
 */
public record TalkHeading(String title, String speaker, Integer durationMinutes, String kind, String affiliation,
        String code, boolean scheduled, boolean numbered) {

    /** Whether the heading itself marks a talk: a speaker, a time slot or a session code. */
    boolean marksATalk() {
        return speaker != null || scheduled || code != null;
    }
}
