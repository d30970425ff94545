package dev.notespipeline.parser;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a talk heading such as {@code Azure Orbital触ってみた<TAB>HiroHataさん} into title and speaker.
 *
 * <p>The speaker follows the last tab or full-width space; an honorific (さん, 氏, 様) is dropped.
 */
public class TalkHeadingParser {

    private static final Pattern SPEAKER_SEPARATOR = Pattern.compile("[\\t\\u3000]+");
    private static final Pattern HONORIFIC = Pattern.compile("\\s*(さん|氏|様)$");
    private static final Pattern DURATION = Pattern.compile("[（(]\\s*(\\d{1,3})\\s*(?:分|min|mins|minutes)\\s*[)）]");

    public TalkHeading parse(String heading) {
        String title = heading.strip();
        String speaker = null;
        Matcher separator = SPEAKER_SEPARATOR.matcher(title);
        int lastSeparatorStart = -1;
        int lastSeparatorEnd = -1;
        while (separator.find()) {
            lastSeparatorStart = separator.start();
            lastSeparatorEnd = separator.end();
        }
        if (lastSeparatorStart > 0 && lastSeparatorEnd < title.length()) {
            speaker = HONORIFIC.matcher(title.substring(lastSeparatorEnd).strip()).replaceFirst("");
            title = title.substring(0, lastSeparatorStart).strip();
        }
        Integer duration = null;
        Matcher durationMatch = DURATION.matcher(title);
        if (durationMatch.find()) {
            duration = Integer.valueOf(durationMatch.group(1));
        }
        return new TalkHeading(title, speaker == null || speaker.isEmpty() ? null : speaker, duration, null);
    }
}
